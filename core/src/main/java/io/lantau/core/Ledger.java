package io.lantau.core;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * Accounts and their balances, and the running totals that the conservation invariant is checked against: for each
 * asset, the sum over all accounts of available plus locked equals deposits minus settled withdrawals.
 *
 * <p>Every method that moves money keeps {@code available >= 0} and {@code locked >= 0}; callers check
 * sufficiency first, so a violation here is a bug and throws.
 */
final class Ledger {
    private final Long2ObjectHashMap<Account> accounts = new Long2ObjectHashMap<>();
    private final int assetCount;
    final long[] deposited;
    final long[] withdrawn;
    private final Emitter emitter;

    Ledger(int assetCount, Emitter emitter) {
        this.assetCount = assetCount;
        this.deposited = new long[assetCount];
        this.withdrawn = new long[assetCount];
        this.emitter = emitter;
    }

    int assetCount() {
        return assetCount;
    }

    Account account(long accountId) {
        return accounts.get(accountId);
    }

    Account open(long accountId, AccountKind kind, int feeTier) {
        Account account = new Account(accountId, kind, feeTier, assetCount);
        accounts.put(accountId, account);
        return account;
    }

    Long2ObjectHashMap<Account> accounts() {
        return accounts;
    }

    /** Credits new money from outside (a deposit). */
    void deposit(Account account, int assetId, long amount) {
        account.available[assetId] = Math.addExact(account.available[assetId], amount);
        deposited[assetId] = Math.addExact(deposited[assetId], amount);
        emitter.balanceChanged(account, assetId, BalanceChangeReason.DEPOSIT);
    }

    /** Removes locked money that left the platform (a settled withdrawal). */
    void settle(Account account, int assetId, long amount) {
        account.locked[assetId] = checked(account.locked[assetId] - amount);
        withdrawn[assetId] += amount;
        emitter.balanceChanged(account, assetId, BalanceChangeReason.WITHDRAWAL_SETTLED);
    }

    void lock(Account account, int assetId, long amount, BalanceChangeReason reason) {
        account.available[assetId] = checked(account.available[assetId] - amount);
        account.locked[assetId] += amount;
        emitter.balanceChanged(account, assetId, reason);
    }

    void unlock(Account account, int assetId, long amount, BalanceChangeReason reason) {
        account.locked[assetId] = checked(account.locked[assetId] - amount);
        account.available[assetId] += amount;
        emitter.balanceChanged(account, assetId, reason);
    }

    long netDeposits(int assetId) {
        return deposited[assetId] - withdrawn[assetId];
    }

    long totalHeld(int assetId) {
        long total = 0;
        for (Account account : accounts.values()) {
            total = Math.addExact(total, Math.addExact(account.available[assetId], account.locked[assetId]));
        }
        return total;
    }

    static long checked(long balance) {
        if (balance < 0) {
            throw new IllegalStateException("balance would go negative: " + balance);
        }
        return balance;
    }
}
