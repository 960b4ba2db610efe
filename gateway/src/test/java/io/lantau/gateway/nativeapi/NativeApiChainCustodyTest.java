package io.lantau.gateway.nativeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.profile.ProfileLoader;
import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Deposit;
import io.lantau.custody.cold.HdSeed;
import io.lantau.custody.deposit.DepositRepository;
import io.lantau.custody.deposit.DepositState;
import io.lantau.custody.deposit.ObservedDeposit;
import io.lantau.custody.deposit.WalletDepositAddresses;
import io.lantau.custody.ledger.ChainAsset;
import io.lantau.custody.ledger.CustodyLedger;
import io.lantau.custody.ledger.CustodySettings;
import io.lantau.custody.withdrawal.AddressBook;
import io.lantau.custody.withdrawal.EthereumPersonalSign;
import io.lantau.custody.withdrawal.OwnershipProof;
import io.lantau.custody.withdrawal.WithdrawalRepository;
import io.lantau.custody.withdrawal.WithdrawalService;
import io.lantau.custody.wallet.AccountPaths;
import io.lantau.custody.wallet.DepositAddressBook;
import io.lantau.custody.wallet.EthereumAddressDeriver;
import io.lantau.gateway.custody.ChainCustodyEndpoints;
import io.lantau.gateway.custody.ChainCustodyError;
import io.lantau.custody.withdrawal.WithdrawalRefusal;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * The on-chain custody endpoints through a real server on a free port, under the Hong Kong profile: each client
 * reaches only their own address, address book, deposits and withdrawals; bad input gets a 4xx with a stable code and
 * changes nothing (HK-18, HK-29).
 */
class NativeApiChainCustodyTest {
    static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;
    NativeApiServer server;
    DepositRepository deposits;
    CoreCommands core;
    CustodySettings settings = CustodySettings.of(ProfileLoader.standard().loadBuiltIn("HK_VATP"));

    @BeforeEach
    void start() {
        server = new NativeApiServer(dir, NativeApiServer.TEST_SETTINGS, s -> {
            core = new CoreCommands(s.core, Duration.ofSeconds(10));
            CustodyLedger ledger = new CustodyLedger(s.database.dataSource(), s.clock);
            deposits = new DepositRepository(s.database.dataSource(), ledger, s.clock);
            EthereumAddressDeriver deriver;
            try (HdSeed seed = HdSeed.fromMnemonic("test test test test test test test test test test test junk",
                    "")) {
                deriver = new EthereumAddressDeriver(seed.accountKey(AccountPaths.ETHEREUM));
            }
            WalletDepositAddresses addresses = new WalletDepositAddresses(
                    new DepositAddressBook(s.database.dataSource(), List.of(deriver), s.clock), "ETH");
            AddressBook book = new AddressBook(s.database.dataSource(), List.of(new EthereumPersonalSign()),
                    Duration.ofHours(settings.newAddressCooldownHours()), s.clock);
            WithdrawalService withdrawals = new WithdrawalService(new WithdrawalRepository(s.database.dataSource(),
                    ledger, s.clock), book, s.security.totp(), core, settings, List.of(ChainAsset.ETH), s.clock);
            s.api.add(new ChainCustodyEndpoints(List.of(ChainAsset.ETH), List.of(addresses), deposits, book,
                    withdrawals, s.api.staffAccess()));
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String proof(Credentials owner, long accountId) {
        String message = OwnershipProof.challenge(accountId, "ETH", owner.getAddress());
        Sign.SignatureData sig = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8),
                owner.getEcKeyPair());
        return "0x" + HexFormat.of().formatHex(sig.getR()) + HexFormat.of().formatHex(sig.getS())
                + HexFormat.of().formatHex(sig.getV());
    }

    private NativeApiServer.Browser client(String email) {
        return server.browser().signedUp(email, PASSWORD).withTotp();
    }

    private JsonObject whitelist(NativeApiServer.Browser b, Credentials wallet) {
        NativeApiServer.Answer a = b.post("/custody/whitelist", new JsonObject().put("asset", "ETH")
                .put("address", wallet.getAddress()).put("label", "mine").put("signature", proof(wallet, b.userId))
                .encode());
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json();
    }

    private void fund(long accountId, long minor) {
        assertThat(core.send(new Deposit(accountId * 7919, accountId, ChainAsset.ETH.assetId(), minor)))
                .isEqualTo(ResultCode.OK);
    }

    private NativeApiServer.Answer withdraw(NativeApiServer.Browser b, String requestId, String address,
            String amount, String code) {
        JsonObject body = new JsonObject().put("asset", "ETH").put("requestId", requestId).put("address", address)
                .put("amount", amount);
        if (code != null) {
            body.put("totpCode", code);
        }
        return b.post("/custody/withdrawals", body.encode());
    }

    /** The session has expired with the clock: password and TOTP again, the code's step then counts as used. */
    private void signInAgain(NativeApiServer.Browser b, String email) {
        b.passwordStep(email, PASSWORD);
        server.clock.advance(Duration.ofSeconds(30));
        assertThat(b.codeStep("/login/totp", b.code(0)).status()).isEqualTo(200);
    }

    @Test
    void shouldGiveEachClientTheirOwnStableDepositAddress() {
        NativeApiServer.Browser alice = client("alice@example.com");
        NativeApiServer.Browser bob = client("bob@example.com");

        String first = alice.get("/custody/deposit-address/ETH").json().getString("address");
        assertThat(alice.get("/custody/deposit-address/ETH").json().getString("address")).isEqualTo(first);
        assertThat(bob.get("/custody/deposit-address/ETH").json().getString("address")).isNotEqualTo(first);
        assertThat(alice.get("/custody/deposit-address/DOGE").code()).isEqualTo("UNSUPPORTED_ASSET");
        assertThat(server.browser().get("/custody/deposit-address/ETH").status()).isEqualTo(401);
    }

    @Test
    void shouldShowDepositsOnlyToTheirOwner() {
        NativeApiServer.Browser alice = client("alice@example.com");
        NativeApiServer.Browser bob = client("bob@example.com");
        String address = alice.get("/custody/deposit-address/ETH").json().getString("address");
        deposits.observe(new ObservedDeposit(42, "ETH", "ETH", "ab".repeat(32), 0, alice.userId, address,
                "0x0000000000000000000000000000000000000001", new BigInteger("1500000000000000000"), 150_000_000L,
                BigInteger.ZERO, 10, "cd".repeat(32), DepositState.SEEN, null, null));

        assertThat(alice.get("/custody/deposits").array()).hasSize(1);
        assertThat(alice.get("/custody/deposits").array().getJsonObject(0).getString("amount"))
                .isEqualTo("1.50000000");
        assertThat(bob.get("/custody/deposits").array()).isEmpty();
    }

    @Test
    void shouldKeepAddressBookPerClientAndRefuseUnprovenAddress() throws Exception {
        NativeApiServer.Browser alice = client("alice@example.com");
        NativeApiServer.Browser bob = client("bob@example.com");
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());

        assertThat(alice.get("/custody/whitelist/challenge?asset=ETH&address=" + wallet.getAddress()).json()
                .getString("message")).isEqualTo(OwnershipProof.challenge(alice.userId, "ETH", wallet.getAddress()));
        NativeApiServer.Answer stolen = alice.post("/custody/whitelist", new JsonObject().put("asset", "ETH")
                .put("address", wallet.getAddress()).put("signature", proof(wallet, bob.userId)).encode());
        assertThat(stolen.status()).isEqualTo(403);
        assertThat(stolen.code()).isEqualTo("OWNERSHIP_PROOF_INVALID");
        assertThat(server.rows("custody_whitelist")).isZero();
        NativeApiServer.Answer extra = alice.post("/custody/whitelist", new JsonObject().put("asset", "ETH")
                .put("address", wallet.getAddress()).put("signature", "0x").put("owner", 1).encode());
        assertThat(extra.code()).isEqualTo("UNKNOWN_FIELD");

        JsonObject entry = whitelist(alice, wallet);
        assertThat(alice.get("/custody/whitelist").array()).hasSize(1);
        assertThat(bob.get("/custody/whitelist").array()).isEmpty();
        assertThat(bob.delete("/custody/whitelist/" + entry.getLong("id")).code()).isEqualTo("NOT_FOUND");
        assertThat(alice.get("/custody/whitelist").array()).hasSize(1);
        assertThat(alice.delete("/custody/whitelist/" + entry.getLong("id")).status()).isEqualTo(204);
        assertThat(alice.get("/custody/whitelist").array()).isEmpty();
    }

    @Test
    void shouldRequestWithdrawalWithTotpOnceAndHideItFromOthers() throws Exception {
        NativeApiServer.Browser alice = client("alice@example.com");
        NativeApiServer.Browser bob = client("bob@example.com");
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());
        whitelist(alice, wallet);
        fund(alice.userId, 500_000_000L);

        NativeApiServer.Answer early = withdraw(alice, "w1", wallet.getAddress(), "1", alice.code(1));
        assertThat(early.code()).isEqualTo("ADDRESS_COOLING_DOWN");
        server.clock.advance(Duration.ofHours(settings.newAddressCooldownHours() + 1));
        signInAgain(alice, "alice@example.com");
        signInAgain(bob, "bob@example.com");

        assertThat(withdraw(alice, "w1", wallet.getAddress(), "1", null).code()).isEqualTo("TOTP_REQUIRED");
        assertThat(withdraw(alice, "w1", wallet.getAddress(), "1", "123456").code()).isEqualTo("TOTP_INVALID");
        assertThat(withdraw(alice, "w1", wallet.getAddress(), "1.000000001", alice.code(0)).code())
                .isEqualTo("INVALID_AMOUNT");
        assertThat(withdraw(alice, "w1", wallet.getAddress(), "-1", alice.code(0)).code())
                .isEqualTo("INVALID_AMOUNT");
        assertThat(withdraw(alice, "w1", "0x000000000000000000000000000000000000dEaD", "1", alice.code(0)).code())
                .isEqualTo("ADDRESS_NOT_WHITELISTED");
        assertThat(server.rows("custody_withdrawals")).isZero();

        server.clock.advance(Duration.ofSeconds(30));
        NativeApiServer.Answer ok = withdraw(alice, "w1", wallet.getAddress(), "1", alice.code(0));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().getString("state")).isEqualTo("APPROVED");
        assertThat(ok.json().getString("fee")).isEqualTo("0.00050000");
        String id = ok.json().getString("withdrawalId");
        NativeApiServer.Answer repeat = withdraw(alice, "w1", wallet.getAddress(), "1", null);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().getString("withdrawalId")).isEqualTo(id);
        assertThat(server.rows("custody_withdrawals")).isEqualTo(1);

        assertThat(alice.get("/custody/withdrawals/" + id).json().getString("state")).isEqualTo("APPROVED");
        assertThat(alice.get("/custody/withdrawals").array()).hasSize(1);
        assertThat(bob.get("/custody/withdrawals/" + id).code()).isEqualTo("NOT_FOUND");
        assertThat(bob.get("/custody/withdrawals").array()).isEmpty();
        // Bob cannot use Alice's whitelisted address either.
        assertThat(withdraw(bob, "w1", wallet.getAddress(), "1", bob.code(0)).code())
                .isEqualTo("ADDRESS_NOT_WHITELISTED");
    }

    @Test
    void shouldLetOnlyCustodyStaffReviewLargeWithdrawals() throws Exception {
        NativeApiServer.Browser alice = client("alice@example.com");
        NativeApiServer.Browser officer = server.browser().signedUp("officer@example.com", PASSWORD);
        server.security.staff().bootstrap(officer.userId, io.lantau.compliance.security.StaffRole.CUSTODY_OFFICER,
                java.time.Instant.EPOCH);
        officer.withTotp();
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());
        whitelist(alice, wallet);
        long review = settings.limits("ETH").reviewAboveMinor();
        fund(alice.userId, 2 * review);
        server.clock.advance(Duration.ofHours(settings.newAddressCooldownHours() + 1));
        signInAgain(alice, "alice@example.com");
        signInAgain(officer, "officer@example.com");
        server.clock.advance(Duration.ofSeconds(30));
        String big = java.math.BigDecimal.valueOf(review + 100_000_000L, 8).toPlainString();

        NativeApiServer.Answer held = withdraw(alice, "big", wallet.getAddress(), big, alice.code(0));
        assertThat(held.json().getString("state")).as(held.body()).isEqualTo("PENDING_REVIEW");
        String id = held.json().getString("withdrawalId");

        assertThat(alice.get("/staff/custody/withdrawals/review").code()).isEqualTo("STAFF_ROLE_REQUIRED");
        assertThat(alice.post("/staff/custody/withdrawals/" + id + "/review",
                new JsonObject().put("approve", true).encode()).code()).isEqualTo("STAFF_ROLE_REQUIRED");
        assertThat(officer.get("/staff/custody/withdrawals/review").array()).hasSize(1);
        assertThat(officer.post("/staff/custody/withdrawals/" + id + "/review", new JsonObject().encode()).code())
                .isEqualTo("MISSING_FIELD");

        NativeApiServer.Answer rejected = officer.post("/staff/custody/withdrawals/" + id + "/review",
                new JsonObject().put("approve", false).encode());
        assertThat(rejected.json().getString("state")).as(rejected.body()).isEqualTo("REJECTED");
        assertThat(officer.post("/staff/custody/withdrawals/" + id + "/review",
                new JsonObject().put("approve", true).encode()).code()).isEqualTo("NOT_PENDING_REVIEW");
        assertThat(alice.get("/custody/withdrawals/" + id).json().getString("state")).isEqualTo("REJECTED");
    }

    @Test
    void shouldHaveAnErrorForEveryRefusal() {
        for (WithdrawalRefusal refusal : WithdrawalRefusal.values()) {
            assertThat(ChainCustodyError.of(refusal).httpStatus()).isBetween(400, 503);
        }
    }
}
