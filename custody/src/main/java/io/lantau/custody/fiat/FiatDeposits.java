package io.lantau.custody.fiat;

import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.ResultCode;
import io.lantau.core.config.Asset;
import io.lantau.core.command.Deposit;
import io.lantau.store.DuplicateKeyException;
import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Credits incoming bank payments to the core, only from designated accounts (HK-07).
 *
 * <p>For each payment of an imported statement: the client is the one its remittance reference names
 * ({@link DepositReference}), else the one whose designated account paid. It is credited ({@code Deposit} to the
 * core) only if the payer account is that client's designated account and the currency is one the platform holds;
 * otherwise it is recorded as HELD with a {@link HoldReason} (a third party's payment, an unidentified one...), shown to
 * staff for return, and never credited.
 *
 * <p>Exactly once: a payment is keyed by its statement account and bank reference; its core deposit id is derived
 * from that key ({@link #depositId}), and the core ignores a repeated deposit id. The row is written (CREDITING)
 * before the command is sent and marked CREDITED after the core's answer, so a re-imported statement, a concurrent
 * import or a crash in between credits nothing twice: a re-import only completes a payment still CREDITING.
 * Thread-safe; blocking (JDBC and the core).
 */
public final class FiatDeposits {
    /** Fiat deposit ids have bit 62 set, apart from chain deposit ids (which custody keeps below 2^62). */
    public static final long ID_SPACE = 1L << 62;
    private static final int MAX_LISTED = 500;

    /** What an import did. */
    public record ImportReport(int credited, int held, int alreadyImported, int pending, List<FiatPayment> payments) {
    }

    private final DataSource dataSource;
    private final DesignatedAccounts accounts;
    private final FiatCurrencies currencies;
    private final CoreCommands core;
    private final PlatformBankAccount platformAccount;
    private final Clock clock;

    public FiatDeposits(DataSource dataSource, DesignatedAccounts accounts, FiatCurrencies currencies,
            CoreCommands core, PlatformBankAccount platformAccount, Clock clock) {
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.currencies = currencies;
        this.core = core;
        this.platformAccount = platformAccount;
        this.clock = clock;
    }

    /** @return the core deposit id of a payment: SHA-256 of its key, in the fiat id space (positive, below 2^63). */
    public static long depositId(String entryKey) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(("lantau.fiat.deposit\u0000" + entryKey).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (h[i] & 0xFF);
            }
            return (bits & (ID_SPACE - 1)) | ID_SPACE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Imports the payments of one statement (as read by {@link Camt053Reader} or {@link BankCsvReader}).
     *
     * @throws FiatException {@code INVALID_STATEMENT} if the statement is not of the platform's account; nothing is
     *                       recorded.
     */
    public ImportReport importPayments(List<BankPayment> payments) {
        for (BankPayment p : payments) {
            if (!p.statementAccount().equals(platformAccount.accountNumber())) {
                throw new FiatException(FiatRefusal.INVALID_STATEMENT, "not a statement of the platform's account");
            }
        }
        int credited = 0;
        int held = 0;
        int already = 0;
        int pending = 0;
        List<FiatPayment> out = new ArrayList<>();
        for (BankPayment payment : payments) {
            Optional<FiatPayment> existing = find(payment.entryKey());
            FiatPayment result;
            if (existing.isPresent() && !existing.get().status().equals("CREDITING")) {
                already++;
                out.add(existing.get());
                continue;
            }
            result = existing.isPresent() ? sendToCore(existing.get()) : record(payment);
            switch (result.status()) {
                case "CREDITED" -> credited++;
                case "HELD" -> held++;
                default -> pending++;
            }
            out.add(result);
        }
        return new ImportReport(credited, held, already, pending, out);
    }

    /** @return payments held for return, oldest first (at most 500): for staff (HK-07). */
    public List<FiatPayment> held() {
        return query("SELECT * FROM fiat_payments WHERE status = 'HELD' ORDER BY imported_at, entry_key LIMIT "
                + MAX_LISTED, null);
    }

    /** @return a client's own credited and held payments, newest first (at most 500). */
    public List<FiatPayment> ofClient(long accountId) {
        return query("SELECT * FROM fiat_payments WHERE account_id = ? ORDER BY imported_at DESC, entry_key LIMIT "
                + MAX_LISTED, accountId);
    }

    /** @return the payment recorded under this key, if any. */
    public Optional<FiatPayment> find(String entryKey) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM fiat_payments WHERE entry_key = ?")) {
            s.setString(1, entryKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.translate("read a fiat payment", e);
        }
    }

    /** @return the sum of credited payments in the currency: the fiat side of the custody ledger. */
    long creditedMinor(String currency) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(SUM(amount_minor), 0) FROM fiat_payments WHERE status = 'CREDITED' AND currency = ?")) {
            s.setString(1, currency);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Sql.translate("sum credited fiat payments", e);
        }
    }

    private FiatPayment record(BankPayment payment) {
        long depositId = depositId(payment.entryKey());
        Optional<Asset> asset = currencies.asset(payment.currency());
        String payer = BankAccountNumber.normaliseOrNull(payment.payerAccount());
        OptionalLong named = DepositReference.find(payment.remittance());
        long accountId;
        HoldReason hold = null;
        if (named.isPresent()) {
            accountId = named.getAsLong();
            Optional<DesignatedAccount> designated = accounts.find(accountId);
            if (designated.isEmpty()) {
                hold = HoldReason.NO_DESIGNATED_ACCOUNT;
            } else if (!designated.get().accountNumber().equals(payer)) {
                hold = HoldReason.THIRD_PARTY_DEPOSIT;
            }
        } else {
            Optional<DesignatedAccount> byPayer = payer == null ? Optional.empty() : accounts.findByNumber(payer);
            accountId = byPayer.map(DesignatedAccount::accountId).orElse(0L);
            if (byPayer.isEmpty()) {
                hold = HoldReason.UNIDENTIFIED_CLIENT;
            }
        }
        if (hold == null && asset.isEmpty()) {
            hold = HoldReason.UNSUPPORTED_CURRENCY;
        }
        FiatPayment row = new FiatPayment(payment, depositId, accountId, hold == null ? "CREDITING" : "HELD", hold,
                clock.instant(), null);
        try {
            Jdbc.inTransaction(dataSource, "record a fiat payment", c -> {
                insert(c, row, payer);
                return null;
            });
        } catch (DuplicateKeyException e) {
            // A concurrent import recorded it first: that one credits it.
            return find(payment.entryKey()).orElseThrow(() -> e);
        }
        return hold == null ? sendToCore(row) : row;
    }

    /** Sends the deposit (again: the core ignores a repeat) and records the core's answer. */
    private FiatPayment sendToCore(FiatPayment row) {
        Asset asset = currencies.asset(row.payment().currency()).orElseThrow();
        ResultCode code;
        try {
            code = core.send(new Deposit(row.depositId(), row.accountId(), asset.assetId(), row.payment().amountMinor()));
        } catch (CoreCommands.Unavailable e) {
            return row; // stays CREDITING; the next import of the statement completes it
        }
        Instant now = clock.instant();
        boolean ok = code == ResultCode.OK;
        Jdbc.inTransaction(dataSource, "record a fiat credit", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE fiat_payments SET status = ?, hold_reason = ?,"
                    + " credited_at = ? WHERE entry_key = ? AND status = 'CREDITING'")) {
                s.setString(1, ok ? "CREDITED" : "HELD");
                s.setString(2, ok ? null : HoldReason.CORE_REJECTED.name());
                Jdbc.setInstant(s, 3, ok ? now : null);
                s.setString(4, row.payment().entryKey());
                s.executeUpdate();
            }
            return null;
        });
        return new FiatPayment(row.payment(), row.depositId(), row.accountId(), ok ? "CREDITED" : "HELD",
                ok ? null : HoldReason.CORE_REJECTED, row.importedAt(), ok ? now : null);
    }

    private static void insert(Connection c, FiatPayment row, String normalisedPayer) throws SQLException {
        BankPayment p = row.payment();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO fiat_payments (entry_key, deposit_id, source,"
                + " statement_account, bank_reference, booked_on, currency, amount_minor, payer_name, payer_account,"
                + " remittance, account_id, status, hold_reason, imported_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, p.entryKey());
            s.setLong(2, row.depositId());
            s.setString(3, p.source());
            s.setString(4, p.statementAccount());
            s.setString(5, p.bankReference());
            s.setDate(6, p.bookedOn() == null ? null : Date.valueOf(p.bookedOn()));
            s.setString(7, p.currency());
            s.setLong(8, p.amountMinor());
            s.setString(9, p.payerName());
            s.setString(10, normalisedPayer != null ? normalisedPayer : p.payerAccount());
            s.setString(11, p.remittance());
            Jdbc.setLongOrNull(s, 12, row.accountId() == 0 ? null : row.accountId());
            s.setString(13, row.status());
            s.setString(14, row.holdReason() == null ? null : row.holdReason().name());
            Jdbc.setInstant(s, 15, row.importedAt());
            s.executeUpdate();
        }
    }

    private List<FiatPayment> query(String sql, Long accountId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (accountId != null) {
                s.setLong(1, accountId);
            }
            List<FiatPayment> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.translate("list fiat payments", e);
        }
    }

    private static FiatPayment row(ResultSet rs) throws SQLException {
        Date booked = rs.getDate("booked_on");
        BankPayment p = new BankPayment(rs.getString("source"), rs.getString("statement_account"),
                rs.getString("bank_reference"), booked == null ? null : booked.toLocalDate(), rs.getString("currency"),
                rs.getLong("amount_minor"), rs.getString("payer_name"), rs.getString("payer_account"),
                rs.getString("remittance"));
        String hold = rs.getString("hold_reason");
        return new FiatPayment(p, rs.getLong("deposit_id"), Jdbc.getLong(rs, "account_id", 0), rs.getString("status"),
                hold == null ? null : HoldReason.valueOf(hold), Jdbc.getInstant(rs, "imported_at"),
                Jdbc.getInstant(rs, "credited_at"));
    }
}
