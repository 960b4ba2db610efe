package io.lantau.gateway.fiat;

import static io.lantau.gateway.fiat.Guarded.guard;

import io.lantau.compliance.security.StaffRole;
import io.lantau.core.config.Asset;
import io.lantau.custody.fiat.BankCsvReader;
import io.lantau.custody.fiat.BankPayment;
import io.lantau.custody.fiat.Camt053Reader;
import io.lantau.custody.fiat.DepositReference;
import io.lantau.custody.fiat.DesignatedAccount;
import io.lantau.custody.fiat.DesignatedAccounts;
import io.lantau.custody.fiat.FiatCurrencies;
import io.lantau.custody.fiat.FiatDeposits;
import io.lantau.custody.fiat.FiatPayment;
import io.lantau.custody.fiat.FiatWithdrawal;
import io.lantau.custody.fiat.FiatWithdrawals;
import io.lantau.custody.fiat.PlatformBankAccount;
import io.lantau.gateway.nativeapi.EndpointGroup;
import io.lantau.gateway.nativeapi.JsonBody;
import io.lantau.gateway.nativeapi.NativeException;
import io.lantau.gateway.nativeapi.NativeRequest;
import io.lantau.gateway.nativeapi.NativeRoutes;
import io.lantau.gateway.nativeapi.NativeRoutes.Access;
import io.lantau.gateway.nativeapi.Reply;
import io.lantau.gateway.nativeapi.StaffAccess;
import io.lantau.store.account.Session;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fiat through the client's designated bank account (HK-07).
 *
 * <table>
 * <caption>Routes (under {@code /api/lantau/v1})</caption>
 * <tr><td>{@code GET /fiat/bank-account}</td><td>session</td><td>200 your designated account;
 * 409 {@code NO_DESIGNATED_ACCOUNT}</td></tr>
 * <tr><td>{@code POST /fiat/bank-account {holderName, bankName, bankCode?, accountNumber}}</td><td>session, CSRF</td>
 * <td>201 the designated account; the holder must match your KYC legal name</td></tr>
 * <tr><td>{@code GET /fiat/deposit-instructions}</td><td>session</td><td>200 the platform's receiving account and
 * the reference to quote</td></tr>
 * <tr><td>{@code GET /fiat/deposits}</td><td>session</td><td>200 your bank payments, credited or held</td></tr>
 * <tr><td>{@code POST /fiat/withdrawals {currency, amount, accountNumber}}</td><td>session, CSRF</td><td>201 the
 * withdrawal with its pain.001 message id; only to the designated account</td></tr>
 * <tr><td>{@code GET /fiat/withdrawals}</td><td>session</td><td>200 your withdrawals</td></tr>
 * <tr><td>{@code POST /staff/fiat/statements} (camt.053 as {@code application/xml}, or bank CSV as
 * {@code text/csv})</td><td>custody officer or operator</td><td>200 the import report</td></tr>
 * <tr><td>{@code GET /staff/fiat/held-payments}</td><td>staff</td><td>200 payments held for return</td></tr>
 * <tr><td>{@code POST /staff/fiat/withdrawals/:id/settle} and {@code /revert}</td><td>custody officer or
 * operator</td><td>200 the withdrawal</td></tr>
 * </table>
 * Amounts are decimal strings. Every handler runs on a worker thread and blocks.
 */
public final class FiatEndpoints implements EndpointGroup {
    /** The largest statement accepted. */
    public static final int MAX_STATEMENT_BYTES = 4 * 1024 * 1024;
    /** The statement path, for {@code HttpGateway#allowLargeBodies}. */
    public static final String STATEMENTS_PATH = "/staff/fiat/statements";
    private static final Set<String> DESIGNATE_FIELDS = Set.of("holderName", "bankName", "bankCode", "accountNumber");
    private static final Set<String> WITHDRAW_FIELDS = Set.of("currency", "amount", "accountNumber");

    private final DesignatedAccounts accounts;
    private final FiatDeposits deposits;
    private final FiatWithdrawals withdrawals;
    private final FiatCurrencies currencies;
    private final Camt053Reader camt;
    private final BankCsvReader csv;
    private final PlatformBankAccount platformAccount;
    private final StaffAccess staff;

    public FiatEndpoints(DesignatedAccounts accounts, FiatDeposits deposits, FiatWithdrawals withdrawals,
            FiatCurrencies currencies, PlatformBankAccount platformAccount, StaffAccess staff) {
        this.accounts = accounts;
        this.deposits = deposits;
        this.withdrawals = withdrawals;
        this.currencies = currencies;
        this.camt = new Camt053Reader(currencies);
        this.csv = new BankCsvReader(currencies);
        this.platformAccount = platformAccount;
        this.staff = staff;
    }

    @Override
    public void register(NativeRoutes routes) {
        routes.add(HttpMethod.GET, "/fiat/bank-account", Access.SESSION, guard(this::bankAccount));
        routes.add(HttpMethod.POST, "/fiat/bank-account", Access.SESSION_CHANGE, guard(this::designate));
        routes.add(HttpMethod.GET, "/fiat/deposit-instructions", Access.SESSION, guard(this::instructions));
        routes.add(HttpMethod.GET, "/fiat/deposits", Access.SESSION, guard(this::myDeposits));
        routes.add(HttpMethod.POST, "/fiat/withdrawals", Access.SESSION_CHANGE, guard(this::withdraw));
        routes.add(HttpMethod.GET, "/fiat/withdrawals", Access.SESSION, guard(this::myWithdrawals));
        routes.add(HttpMethod.POST, STATEMENTS_PATH, Access.SESSION_CHANGE, MAX_STATEMENT_BYTES,
                guard(this::importStatement));
        routes.add(HttpMethod.GET, "/staff/fiat/held-payments", Access.SESSION, guard(this::heldPayments));
        routes.add(HttpMethod.POST, "/staff/fiat/withdrawals/:id/settle", Access.SESSION_CHANGE,
                guard((r, s) -> finish(r, s, true)));
        routes.add(HttpMethod.POST, "/staff/fiat/withdrawals/:id/revert", Access.SESSION_CHANGE,
                guard((r, s) -> finish(r, s, false)));
    }

    private Reply bankAccount(NativeRequest request, Session session) {
        DesignatedAccount account = accounts.find(session.userId())
                .orElseThrow(() -> new NativeException(CustodyError.NO_DESIGNATED_ACCOUNT));
        return Reply.ok(view(account));
    }

    private Reply designate(NativeRequest request, Session session) {
        JsonBody body = request.requiredJson().allowOnly(DESIGNATE_FIELDS);
        DesignatedAccount account = accounts.designate(session.userId(), body.requiredString("holderName", 256),
                body.requiredString("bankName", 140), body.optionalString("bankCode", 11),
                body.requiredString("accountNumber", 64));
        return Reply.created(view(account));
    }

    private Reply instructions(NativeRequest request, Session session) {
        JsonObject json = new JsonObject().put("beneficiaryName", platformAccount.holderName())
                .put("bankName", platformAccount.bankName()).put("bankBic", platformAccount.bankBic())
                .put("accountNumber", platformAccount.accountNumber())
                .put("reference", DepositReference.of(session.userId()))
                .put("currencies", new JsonArray(currencies.codes()))
                .put("note", "Pay only from your designated bank account and quote the reference; payments from"
                        + " any other account are returned, not credited.");
        accounts.find(session.userId()).ifPresent(a -> json.put("designatedAccount", view(a)));
        return Reply.ok(json);
    }

    private Reply myDeposits(NativeRequest request, Session session) {
        JsonArray list = new JsonArray();
        for (FiatPayment p : deposits.ofClient(session.userId())) {
            list.add(view(p, false));
        }
        return Reply.ok(list);
    }

    private Reply withdraw(NativeRequest request, Session session) {
        JsonBody body = request.requiredJson().allowOnly(WITHDRAW_FIELDS);
        String currency = body.requiredString("currency", 3).toUpperCase(Locale.ROOT);
        String amount = body.requiredString("amount", 40);
        String accountNumber = body.requiredString("accountNumber", 64);
        return Reply.created(view(withdrawals.request(session.userId(), currency, amount, accountNumber), false));
    }

    private Reply myWithdrawals(NativeRequest request, Session session) {
        JsonArray list = new JsonArray();
        for (FiatWithdrawal w : withdrawals.ofClient(session.userId())) {
            list.add(view(w, false));
        }
        return Reply.ok(list);
    }

    private Reply importStatement(NativeRequest request, Session session) {
        staff.require(session, true, StaffRole.CUSTODY_OFFICER, StaffRole.OPERATOR_ADMIN);
        String type = request.contentType() == null ? "" : request.contentType().split(";")[0].strip()
                .toLowerCase(Locale.ROOT);
        List<BankPayment> payments = switch (type) {
            case "application/xml", "text/xml" -> camt.read(request.body());
            case "text/csv" -> csv.read(request.body(), platformAccount.accountNumber());
            default -> throw new NativeException(CustodyError.UNSUPPORTED_STATEMENT_TYPE);
        };
        FiatDeposits.ImportReport report = deposits.importPayments(payments);
        JsonArray list = new JsonArray();
        report.payments().forEach(p -> list.add(view(p, true)));
        return Reply.ok(new JsonObject().put("credited", report.credited()).put("held", report.held())
                .put("alreadyImported", report.alreadyImported()).put("pending", report.pending())
                .put("payments", list));
    }

    private Reply heldPayments(NativeRequest request, Session session) {
        staff.require(session, false);
        JsonArray list = new JsonArray();
        deposits.held().forEach(p -> list.add(view(p, true)));
        return Reply.ok(list);
    }

    private Reply finish(NativeRequest request, Session session, boolean settle) {
        staff.require(session, true, StaffRole.CUSTODY_OFFICER, StaffRole.OPERATOR_ADMIN);
        request.json().allowOnly(Set.of());
        long id = PathIds.id(request, CustodyError.WITHDRAWAL_NOT_FOUND);
        return Reply.ok(view(settle ? withdrawals.settle(id) : withdrawals.revert(id), true));
    }

    private static JsonObject view(DesignatedAccount a) {
        JsonObject json = new JsonObject().put("holderName", a.holderName()).put("bankName", a.bankName())
                .put("accountNumber", a.accountNumber()).put("designatedAt", a.designatedAt().toString());
        if (a.bankCode() != null) {
            json.put("bankCode", a.bankCode());
        }
        return json;
    }

    private JsonObject view(FiatPayment p, boolean forStaff) {
        BankPayment b = p.payment();
        JsonObject json = new JsonObject().put("bankReference", b.bankReference()).put("currency", b.currency())
                .put("amount", amount(b.currency(), b.amountMinor())).put("status", p.status())
                .put("importedAt", p.importedAt().toString());
        if (b.bookedOn() != null) {
            json.put("bookedOn", b.bookedOn().toString());
        }
        if (p.holdReason() != null) {
            json.put("holdReason", p.holdReason().name());
        }
        if (forStaff) {
            json.put("source", b.source()).put("payerName", b.payerName()).put("payerAccount", b.payerAccount())
                    .put("remittance", b.remittance()).put("depositId", Long.toString(p.depositId()));
            if (p.accountId() != 0) {
                json.put("accountId", p.accountId());
            }
        }
        return json;
    }

    private JsonObject view(FiatWithdrawal w, boolean forStaff) {
        JsonObject json = new JsonObject().put("id", w.id()).put("currency", w.currency())
                .put("amount", amount(w.currency(), w.amountMinor())).put("accountNumber", w.creditorAccount())
                .put("status", w.status()).put("messageId", w.messageId())
                .put("requestedAt", w.requestedAt().toString());
        if (forStaff) {
            json.put("accountId", w.accountId()).put("instruction", w.instruction());
        }
        return json;
    }

    private String amount(String currency, long minor) {
        return currencies.asset(currency).map(a -> FiatCurrencies.toDecimal(a, minor))
                .orElse(FiatCurrencies.toDecimal(new Asset(0, currency, 2, true), minor));
    }
}
