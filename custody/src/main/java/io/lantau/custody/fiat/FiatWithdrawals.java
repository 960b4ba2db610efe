package io.lantau.custody.fiat;

import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.command.RequestWithdrawal;
import io.lantau.core.command.RevertWithdrawal;
import io.lantau.core.command.SettleWithdrawal;
import io.lantau.core.config.Asset;
import io.lantau.custody.reconcile.WithdrawalFreeze;
import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Fiat withdrawals, only to the client's designated account (HK-07), each instructed to the bank as an ISO 20022
 * pain.001.001.09 credit transfer.
 *
 * <p>{@link #request}: the destination must be the client's designated account ({@code NOT_DESIGNATED_ACCOUNT}
 * otherwise), the asset's withdrawals must not be frozen by reconciliation (HK-33); a row is written, the core locks
 * the amount ({@code RequestWithdrawal}), and the pain.001 instruction is written and kept. A core refusal (balance)
 * removes the row: a refused request leaves nothing. Staff then {@link #settle} (the bank paid: the amount leaves
 * the ledger) or {@link #revert} (the bank refused: the amount returns). Thread-safe; blocking (JDBC and the core).
 */
public final class FiatWithdrawals {
    private static final int MAX_LISTED = 500;

    private final DataSource dataSource;
    private final DesignatedAccounts accounts;
    private final FiatCurrencies currencies;
    private final CoreCommands core;
    private final PlatformBankAccount platformAccount;
    private final WithdrawalFreeze freeze;
    private final Clock clock;

    public FiatWithdrawals(DataSource dataSource, DesignatedAccounts accounts, FiatCurrencies currencies,
            CoreCommands core, PlatformBankAccount platformAccount, WithdrawalFreeze freeze, Clock clock) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.currencies = currencies;
        this.core = core;
        this.platformAccount = platformAccount;
        this.freeze = freeze;
        this.clock = clock;
    }

    /**
     * Withdraws to the client's designated account.
     *
     * @param amount        a positive decimal with at most the currency's decimals.
     * @param accountNumber where to pay: must be the designated account.
     * @return the instructed withdrawal with its pain.001 XML.
     * @throws FiatException {@code UNSUPPORTED_CURRENCY}, {@code INVALID_AMOUNT}, {@code INVALID_ACCOUNT_NUMBER},
     *                       {@code NO_DESIGNATED_ACCOUNT}, {@code NOT_DESIGNATED_ACCOUNT}, {@code WITHDRAWALS_FROZEN},
     *                       {@code INSUFFICIENT_BALANCE}, {@code CORE_REJECTED} or {@code CORE_UNAVAILABLE}.
     */
    public FiatWithdrawal request(long accountId, String currency, String amount, String accountNumber) {
        Asset asset = currencies.asset(currency)
                .orElseThrow(() -> new FiatException(FiatRefusal.UNSUPPORTED_CURRENCY));
        long amountMinor = FiatCurrencies.toMinor(asset, amount);
        String destination = BankAccountNumber.normalise(accountNumber);
        DesignatedAccount designated = accounts.find(accountId)
                .orElseThrow(() -> new FiatException(FiatRefusal.NO_DESIGNATED_ACCOUNT));
        if (!designated.accountNumber().equals(destination)) {
            throw new FiatException(FiatRefusal.NOT_DESIGNATED_ACCOUNT);
        }
        if (freeze.isFrozen(asset.assetId())) {
            throw new FiatException(FiatRefusal.WITHDRAWALS_FROZEN, currency);
        }
        Instant now = clock.instant();
        long id = insert(accountId, currency, amountMinor, designated, now);
        long withdrawalId = FiatDeposits.ID_SPACE + id;
        ResultCode code;
        try {
            code = core.send(new RequestWithdrawal(withdrawalId, accountId, asset.assetId(), amountMinor));
        } catch (CoreCommands.Unavailable e) {
            throw new FiatException(FiatRefusal.CORE_UNAVAILABLE);
        }
        if (code != ResultCode.OK) {
            delete(id);
            throw new FiatException(code == ResultCode.INSUFFICIENT_BALANCE ? FiatRefusal.INSUFFICIENT_BALANCE
                    : FiatRefusal.CORE_REJECTED, code == ResultCode.INSUFFICIENT_BALANCE ? null : code.name());
        }
        String messageId = "LTU-W-" + id;
        String xml = Pain001Writer.write(new Pain001Writer.Instruction(messageId, now, platformAccount,
                designated.holderName(), designated.accountNumber(), designated.bankCode(), currency,
                FiatCurrencies.toDecimal(asset, amountMinor), now.atZone(ZoneOffset.UTC).toLocalDate(),
                "Lantau withdrawal " + messageId));
        Jdbc.inTransaction(dataSource, "record a pain.001 instruction", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE fiat_withdrawals SET status = 'INSTRUCTED',"
                    + " message_id = ?, instruction = ? WHERE id = ? AND status = 'PENDING'")) {
                s.setString(1, messageId);
                s.setString(2, xml);
                s.setLong(3, id);
                s.executeUpdate();
            }
            return null;
        });
        return find(id).orElseThrow();
    }

    /** The bank paid: the locked amount leaves the ledger. @return the settled withdrawal. */
    public FiatWithdrawal settle(long id) {
        return finish(id, "SETTLED", new SettleWithdrawal(FiatDeposits.ID_SPACE + id));
    }

    /** The bank returned the payment: the locked amount returns to the client. @return the reverted withdrawal. */
    public FiatWithdrawal revert(long id) {
        return finish(id, "REVERTED", new RevertWithdrawal(FiatDeposits.ID_SPACE + id));
    }

    /** @return the withdrawal, if any. */
    public Optional<FiatWithdrawal> find(long id) {
        List<FiatWithdrawal> found = query("SELECT * FROM fiat_withdrawals WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /** @return the client's withdrawals, newest first (at most 500). */
    public List<FiatWithdrawal> ofClient(long accountId) {
        return query("SELECT * FROM fiat_withdrawals WHERE account_id = ? ORDER BY id DESC LIMIT " + MAX_LISTED,
                accountId);
    }

    /** @return the sum of settled withdrawals in the currency: paid out of the client-money account. */
    long settledMinor(String currency) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(SUM(amount_minor), 0) FROM fiat_withdrawals WHERE status = 'SETTLED' AND currency = ?")) {
            s.setString(1, currency);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Sql.translate("sum settled fiat withdrawals", e);
        }
    }

    private FiatWithdrawal finish(long id, String status, Command command) {
        FiatWithdrawal w = find(id).orElseThrow(() -> new FiatException(FiatRefusal.WITHDRAWAL_NOT_FOUND));
        if (!w.status().equals("INSTRUCTED")) {
            throw new FiatException(FiatRefusal.WITHDRAWAL_NOT_PENDING, w.status());
        }
        ResultCode code;
        try {
            code = core.send(command);
        } catch (CoreCommands.Unavailable e) {
            throw new FiatException(FiatRefusal.CORE_UNAVAILABLE);
        }
        if (code != ResultCode.OK) {
            throw new FiatException(FiatRefusal.CORE_REJECTED, code.name());
        }
        Jdbc.inTransaction(dataSource, "finish a fiat withdrawal", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE fiat_withdrawals SET status = ? WHERE id = ?"
                    + " AND status = 'INSTRUCTED'")) {
                s.setString(1, status);
                s.setLong(2, id);
                s.executeUpdate();
            }
            return null;
        });
        return find(id).orElseThrow();
    }

    private long insert(long accountId, String currency, long amountMinor, DesignatedAccount to, Instant now) {
        return Jdbc.inTransaction(dataSource, "record a fiat withdrawal", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO fiat_withdrawals (account_id, currency,"
                    + " amount_minor, creditor_name, creditor_account, status, requested_at)"
                    + " VALUES (?, ?, ?, ?, ?, 'PENDING', ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, accountId);
                s.setString(2, currency);
                s.setLong(3, amountMinor);
                s.setString(4, to.holderName());
                s.setString(5, to.accountNumber());
                Jdbc.setInstant(s, 6, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    private void delete(long id) {
        Jdbc.inTransaction(dataSource, "remove a refused fiat withdrawal", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM fiat_withdrawals WHERE id = ?"
                    + " AND status = 'PENDING'")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    private List<FiatWithdrawal> query(String sql, long param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, param);
            List<FiatWithdrawal> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    out.add(new FiatWithdrawal(id, FiatDeposits.ID_SPACE + id, rs.getLong("account_id"),
                            rs.getString("currency"), rs.getLong("amount_minor"), rs.getString("creditor_name"),
                            rs.getString("creditor_account"), rs.getString("message_id"),
                            rs.getString("instruction"), rs.getString("status"),
                            Jdbc.getInstant(rs, "requested_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.translate("read fiat withdrawals", e);
        }
    }
}
