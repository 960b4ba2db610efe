package io.lantau.custody.fiat;

import io.lantau.compliance.onboarding.IdentityDocumentType;
import io.lantau.compliance.onboarding.KycIdentity;
import io.lantau.core.config.StandardMarkets;
import io.lantau.custody.reconcile.WithdrawalFreeze;
import io.lantau.custody.testbed.CustodyTestBed;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * The fiat services on a {@link CustodyTestBed}, with approved KYC identities kept in a map (the seam that
 * {@link OnboardingIdentities} fills from onboarding in production).
 */
final class FiatFixture {
    static final PlatformBankAccount PLATFORM = new PlatformBankAccount("Lantau Exchange Ltd Client Account",
            "Hang Seng Bank", "HASEHKHHXXX", "024-123456-001");
    final CustodyTestBed bed;
    final Map<Long, KycIdentity> identities = new ConcurrentHashMap<>();
    final FiatCurrencies currencies = new FiatCurrencies(StandardMarkets.config());
    final DesignatedAccounts accounts;
    final FiatDeposits deposits;
    final FiatWithdrawals withdrawals;
    final Camt053Reader camt = new Camt053Reader(currencies);
    final BankCsvReader csv = new BankCsvReader(currencies);
    volatile IntPredicate frozen = asset -> false;

    FiatFixture(CustodyTestBed bed) {
        this.bed = bed;
        VerifiedIdentities verified = accountId -> Optional.ofNullable(identities.get(accountId));
        accounts = new DesignatedAccounts(bed.dataSource(), verified, bed.audit, bed.clock);
        deposits = new FiatDeposits(bed.dataSource(), accounts, currencies, bed.commands, PLATFORM, bed.clock);
        WithdrawalFreeze freeze = assetId -> frozen.test(assetId);
        withdrawals = new FiatWithdrawals(bed.dataSource(), accounts, currencies, bed.commands, PLATFORM, freeze,
                bed.clock);
    }

    /** @return a client whose KYC approved the legal name. */
    long verifiedClient(String email, String legalName) {
        long id = bed.client(email);
        identities.put(id, new KycIdentity(legalName, LocalDate.of(1980, 5, 17), IdentityDocumentType.HKID,
                "A1234563", "HK", "HK", "Flat 3A, 8 Nathan Road\nTsim Sha Tsui, Kowloon"));
        return id;
    }

    static Statements.Entry entry(String ref, String amount, String payerName, String payerAccount, String remittance) {
        return new Statements.Entry(ref, amount, "HKD", payerName, payerAccount, remittance);
    }
}
