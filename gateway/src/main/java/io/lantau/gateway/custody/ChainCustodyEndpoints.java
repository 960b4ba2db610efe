package io.lantau.gateway.custody;

import io.lantau.compliance.security.StaffRole;
import io.lantau.custody.deposit.DepositAddresses;
import io.lantau.custody.deposit.DepositRepository;
import io.lantau.custody.deposit.ObservedDeposit;
import io.lantau.custody.fiat.VerifiedIdentities;
import io.lantau.custody.ledger.ChainAsset;
import io.lantau.custody.ledger.CustodyIds;
import io.lantau.custody.travelrule.Ivms101;
import io.lantau.custody.withdrawal.AddressBook;
import io.lantau.custody.withdrawal.OwnershipProof;
import io.lantau.custody.withdrawal.WhitelistedAddress;
import io.lantau.custody.withdrawal.Withdrawal;
import io.lantau.custody.withdrawal.WithdrawalException;
import io.lantau.custody.withdrawal.WithdrawalRequest;
import io.lantau.custody.withdrawal.WithdrawalService;
import io.lantau.gateway.nativeapi.EndpointGroup;
import io.lantau.gateway.nativeapi.JsonBody;
import io.lantau.gateway.nativeapi.NativeError;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * On-chain deposits and withdrawals (HK-18, HK-29). Every client route acts on the caller's own account (the session's
 * user id is the core account id) and takes no account id, so one client can never read or act on another's.
 *
 * <table>
 * <caption>Routes (under {@code /api/lantau/v1})</caption>
 * <tr><td>{@code GET /custody/deposit-address/:asset}</td><td>session</td><td>200 {@code {asset, chain, address}}:
 * your one deposit address, the same every time</td></tr>
 * <tr><td>{@code GET /custody/deposits}</td><td>session</td><td>200 your on-chain deposits, newest first</td></tr>
 * <tr><td>{@code GET /custody/whitelist/challenge?asset=&address=}</td><td>session</td><td>200 {@code {message}}:
 * the text to sign with the address's key (personal_sign)</td></tr>
 * <tr><td>{@code POST /custody/whitelist {asset, address, label?, signature}}</td><td>session, CSRF</td><td>201 the
 * entry, usable after the profile's cool-down</td></tr>
 * <tr><td>{@code GET /custody/whitelist}</td><td>session</td><td>200 your entries</td></tr>
 * <tr><td>{@code DELETE /custody/whitelist/:id}</td><td>session, CSRF</td><td>204</td></tr>
 * <tr><td>{@code POST /custody/withdrawals {asset, requestId, address, amount, totpCode?, travelRule?}}</td><td>session,
 * CSRF</td><td>201 the withdrawal (200 with the earlier one for a repeated requestId); {@code travelRule} is the
 * beneficiary's data ({@link WithdrawalTravelRule}), required at or above the travel-rule threshold (HK-22)</td></tr>
 * <tr><td>{@code GET /custody/withdrawals} and {@code /custody/withdrawals/:id}</td><td>session</td><td>200 yours
 * </td></tr>
 * <tr><td>{@code GET /staff/custody/withdrawals/review}</td><td>custody officer or operator</td><td>200 the
 * withdrawals waiting for review</td></tr>
 * <tr><td>{@code POST /staff/custody/withdrawals/:id/review {approve}}</td><td>custody officer or operator, TOTP
 * session</td><td>200 the withdrawal</td></tr>
 * </table>
 * Amounts are decimal strings in the asset's book units. Refusals carry {@link ChainCustodyError} codes. Every handler
 * runs on a worker thread and blocks.
 */
public final class ChainCustodyEndpoints implements EndpointGroup {
    private static final Set<String> WHITELIST_FIELDS = Set.of("asset", "address", "label", "signature");
    private static final Set<String> WITHDRAW_FIELDS = Set.of("asset", "requestId", "address", "amount", "totpCode",
            "travelRule");
    private static final Set<String> REVIEW_FIELDS = Set.of("approve");
    private static final int LIST_LIMIT = 200;
    private static final int MAX_ADDRESS = 128;

    private final Map<String, ChainAsset> assets;
    private final Map<String, DepositAddresses> depositAddresses;
    private final DepositRepository deposits;
    private final AddressBook addressBook;
    private final WithdrawalService withdrawals;
    private final StaffAccess staff;
    private final WithdrawalTravelRule travelRule;

    /** Without clients' verified identities: travel-rule data then has no originator and is refused. */
    public ChainCustodyEndpoints(List<ChainAsset> assets, List<DepositAddresses> depositAddresses,
            DepositRepository deposits, AddressBook addressBook, WithdrawalService withdrawals, StaffAccess staff) {
        this(assets, depositAddresses, deposits, addressBook, withdrawals, staff, accountId -> Optional.empty());
    }

    /**
     * @param depositAddresses one per chain of {@code assets}.
     * @param identities       clients' approved KYC identities: the originator of their withdrawals' travel-rule
     *                         data (HK-22).
     */
    public ChainCustodyEndpoints(List<ChainAsset> assets, List<DepositAddresses> depositAddresses,
            DepositRepository deposits, AddressBook addressBook, WithdrawalService withdrawals, StaffAccess staff,
            VerifiedIdentities identities) {
        this.travelRule = new WithdrawalTravelRule(identities);
        this.assets = assets.stream().collect(Collectors.toUnmodifiableMap(ChainAsset::asset, Function.identity()));
        this.depositAddresses = depositAddresses.stream().collect(Collectors.toUnmodifiableMap(
                DepositAddresses::chain, Function.identity()));
        this.deposits = deposits;
        this.addressBook = addressBook;
        this.withdrawals = withdrawals;
        this.staff = staff;
    }

    @Override
    public void register(NativeRoutes routes) {
        routes.add(HttpMethod.GET, "/custody/deposit-address/:asset", Access.SESSION, guard(this::depositAddress));
        routes.add(HttpMethod.GET, "/custody/deposits", Access.SESSION, guard(this::depositHistory));
        routes.add(HttpMethod.GET, "/custody/whitelist/challenge", Access.SESSION, guard(this::challenge));
        routes.add(HttpMethod.POST, "/custody/whitelist", Access.SESSION_CHANGE, guard(this::whitelistAdd));
        routes.add(HttpMethod.GET, "/custody/whitelist", Access.SESSION, guard(this::whitelistList));
        routes.add(HttpMethod.DELETE, "/custody/whitelist/:id", Access.SESSION_CHANGE, guard(this::whitelistRemove));
        routes.add(HttpMethod.POST, "/custody/withdrawals", Access.SESSION_CHANGE, guard(this::withdraw));
        routes.add(HttpMethod.GET, "/custody/withdrawals", Access.SESSION, guard(this::withdrawalList));
        routes.add(HttpMethod.GET, "/custody/withdrawals/:id", Access.SESSION, guard(this::withdrawalStatus));
        routes.add(HttpMethod.GET, "/staff/custody/withdrawals/review", Access.SESSION, guard(this::pendingReview));
        routes.add(HttpMethod.POST, "/staff/custody/withdrawals/:id/review", Access.SESSION_CHANGE,
                guard(this::review));
    }

    /** Turns a custody refusal into its API error. */
    private static NativeRoutes.Handler guard(NativeRoutes.Handler handler) {
        return (request, session) -> {
            try {
                return handler.handle(request, session);
            } catch (WithdrawalException e) {
                throw new NativeException(ChainCustodyError.of(e.refusal()));
            }
        };
    }

    private ChainAsset asset(String code) {
        ChainAsset asset = code == null ? null : assets.get(code);
        if (asset == null) {
            throw new NativeException(ChainCustodyError.UNSUPPORTED_ASSET);
        }
        return asset;
    }

    Reply depositAddress(NativeRequest request, Session session) {
        ChainAsset asset = asset(request.pathParam("asset"));
        String address = depositAddresses.get(asset.chain()).addressFor(session.userId());
        return Reply.ok(new JsonObject().put("asset", asset.asset()).put("chain", asset.chain())
                .put("address", address));
    }

    Reply depositHistory(NativeRequest request, Session session) {
        JsonArray out = new JsonArray();
        for (ObservedDeposit d : deposits.history(session.userId(), LIST_LIMIT)) {
            ChainAsset asset = asset(d.asset());
            out.add(new JsonObject().put("depositId", Long.toString(d.depositId())).put("asset", d.asset())
                    .put("txid", d.txid()).put("address", d.toAddress())
                    .put("amount", decimal(d.creditMinor(), asset)).put("state", d.state().name())
                    .put("blockHeight", d.blockHeight()).put("seenAt", d.seenAt().toString()));
        }
        return Reply.ok(out);
    }

    Reply challenge(NativeRequest request, Session session) {
        ChainAsset asset = asset(request.queryParam("asset"));
        String address = request.queryParam("address");
        if (address == null || address.length() > MAX_ADDRESS) {
            throw new NativeException(ChainCustodyError.INVALID_ADDRESS);
        }
        return Reply.ok(new JsonObject().put("message",
                OwnershipProof.challenge(session.userId(), asset.chain(), address)));
    }

    Reply whitelistAdd(NativeRequest request, Session session) {
        JsonBody body = request.requiredJson().allowOnly(WHITELIST_FIELDS);
        ChainAsset asset = asset(body.requiredString("asset", 16));
        String address = body.requiredString("address", MAX_ADDRESS);
        String label = body.optionalString("label", 64);
        String signature = body.requiredString("signature", 1024);
        return Reply.created(entry(addressBook.add(session.userId(), asset.chain(), address, label, signature)));
    }

    Reply whitelistList(NativeRequest request, Session session) {
        JsonArray out = new JsonArray();
        addressBook.list(session.userId()).forEach(e -> out.add(entry(e)));
        return Reply.ok(out);
    }

    Reply whitelistRemove(NativeRequest request, Session session) {
        addressBook.remove(session.userId(), pathId(request));
        return Reply.noContent();
    }

    Reply withdraw(NativeRequest request, Session session) {
        JsonBody body = request.requiredJson().allowOnly(WITHDRAW_FIELDS);
        ChainAsset asset = asset(body.requiredString("asset", 16));
        String requestId = body.requiredString("requestId", 64);
        String address = body.requiredString("address", MAX_ADDRESS);
        long amountMinor = minor(body, asset);
        String totp = body.optionalString("totpCode", 16);
        Ivms101.Payload travelRuleData = body.has("travelRule")
                ? travelRule.payload(session.userId(), address, body.optionalObject("travelRule")) : null;
        // Only tells 201 from 200; the service decides a repeat under its own lock.
        boolean repeat = withdrawals.find(session.userId(),
                CustodyIds.withdrawalId(asset.chain(), session.userId(), requestId)).isPresent();
        Withdrawal w = withdrawals.request(new WithdrawalRequest(session.userId(), asset.asset(), requestId, address,
                amountMinor, totp, request.clientIp(), request.deviceId(), travelRuleData));
        return repeat ? Reply.ok(json(w)) : Reply.created(json(w));
    }

    Reply withdrawalList(NativeRequest request, Session session) {
        JsonArray out = new JsonArray();
        withdrawals.list(session.userId(), LIST_LIMIT).forEach(w -> out.add(json(w)));
        return Reply.ok(out);
    }

    Reply withdrawalStatus(NativeRequest request, Session session) {
        return Reply.ok(json(withdrawals.find(session.userId(), pathId(request))
                .orElseThrow(() -> new NativeException(ChainCustodyError.NOT_FOUND))));
    }

    Reply pendingReview(NativeRequest request, Session session) {
        staff.require(session, false, StaffRole.CUSTODY_OFFICER, StaffRole.OPERATOR_ADMIN);
        JsonArray out = new JsonArray();
        assets.values().stream().map(ChainAsset::chain).distinct()
                .forEach(chain -> withdrawals.pendingReview(chain).forEach(w -> out.add(json(w)
                        .put("accountId", w.accountId()))));
        return Reply.ok(out);
    }

    Reply review(NativeRequest request, Session session) {
        staff.require(session, true, StaffRole.CUSTODY_OFFICER, StaffRole.OPERATOR_ADMIN);
        JsonBody body = request.requiredJson().allowOnly(REVIEW_FIELDS);
        if (!body.has("approve")) {
            throw new NativeException(NativeError.MISSING_FIELD, "approve");
        }
        boolean approve = body.optionalBoolean("approve", false);
        return Reply.ok(json(withdrawals.review(pathId(request), session.userId(), approve)));
    }

    private static long pathId(NativeRequest request) {
        try {
            long id = Long.parseLong(request.pathId());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Falls through to NOT_FOUND: a malformed id names nothing of the caller's.
        }
        throw new NativeException(ChainCustodyError.NOT_FOUND);
    }

    /** @return the amount in minor units; INVALID_AMOUNT unless positive with at most the asset's decimals. */
    private static long minor(JsonBody body, ChainAsset asset) {
        BigDecimal amount;
        try {
            amount = body.requiredDecimal("amount");
        } catch (NativeException e) {
            if (e.error() == NativeError.INVALID_VALUE) {
                throw new NativeException(ChainCustodyError.INVALID_AMOUNT);
            }
            throw e;
        }
        try {
            long minor = amount.movePointRight(asset.units().bookDecimals()).longValueExact();
            if (minor <= 0) {
                throw new NativeException(ChainCustodyError.INVALID_AMOUNT);
            }
            return minor;
        } catch (ArithmeticException e) {
            throw new NativeException(ChainCustodyError.INVALID_AMOUNT);
        }
    }

    private static String decimal(long minor, ChainAsset asset) {
        return BigDecimal.valueOf(minor, asset.units().bookDecimals()).toPlainString();
    }

    private JsonObject entry(WhitelistedAddress e) {
        return new JsonObject().put("id", e.whitelistId()).put("chain", e.chain()).put("address", e.address())
                .put("label", e.label()).put("proof", e.proofKind()).put("addedAt", e.addedAt().toString())
                .put("usableFrom", e.usableFrom().toString());
    }

    private JsonObject json(Withdrawal w) {
        ChainAsset asset = asset(w.asset());
        return new JsonObject().put("withdrawalId", Long.toString(w.withdrawalId())).put("asset", w.asset())
                .put("address", w.destination()).put("amount", decimal(w.amountMinor(), asset))
                .put("fee", decimal(w.feeMinor(), asset)).put("state", w.state().name()).put("reason", w.reason())
                .put("txid", w.txid()).put("createdAt", w.createdAt().toString());
    }
}
