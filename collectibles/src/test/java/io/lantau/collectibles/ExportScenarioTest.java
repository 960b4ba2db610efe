package io.lantau.collectibles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.collectibles.chain.Erc721Contract;
import io.lantau.core.ItemLockPurpose;
import io.lantau.testsupport.AnvilNode;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** Export to the local Ethereum node and back, over a real core: one token per item, locked while out. */
class ExportScenarioTest {
    static final long ISSUER = 10;
    static final long HOLDER = 20;
    static final Credentials PLATFORM = Credentials.create(AnvilNode.FUNDED_PRIVATE_KEY);
    /** Anvil's second account of the standard test mnemonic: the holder's own wallet. */
    static final Credentials WALLET = Credentials.create(
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

    private static AnvilNode node;
    private static Web3j web3j;

    @TempDir
    Path dir;
    World w;

    @BeforeAll
    static void startNode() {
        node = AnvilNode.start();
        web3j = Web3j.build(new HttpService(node.rpcUrl()));
    }

    @AfterAll
    static void stopNode() {
        web3j.shutdown();
        node.close();
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private long soldItem(String profile) {
        w = new World(profile, dir);
        long auth = w.verifiedIssuer(ISSUER);
        Collection c = w.collectionWithItems(ISSUER, auth, Category.ART, 0, 1);
        w.verifiedClient(HOLDER);
        String currency = w.settings.allowedCurrencies().get(0);
        w.deposit(HOLDER, w.currencies.byCode(currency).orElseThrow(), 1_000);
        return w.sellAll(ISSUER, c, currency, 1_000, HOLDER).positions().get(0).itemId();
    }

    private ExportService exports(Erc721Contract contract) {
        AddressBook book = (account, address) -> account == HOLDER && address.equalsIgnoreCase(WALLET.getAddress());
        return new ExportService(w.database.dataSource(), w.settings, w.holdings, book, w.core, contract, w.clock);
    }

    @Test
    void shouldMintToTheWhitelistedAddressLockTheItemAndUnlockItWhenItComesBack() {
        long item = soldItem("HK_VATP");
        Erc721Contract contract = Erc721Contract.deploy(web3j, PLATFORM, AnvilNode.CHAIN_ID, "Lantau", "LTC",
                "https://lantau.example/api/v1/collectibles/items/metadata/");
        ExportService exports = exports(contract);
        BigInteger token = BigInteger.valueOf(item);

        String before = w.coreState();
        assertThatThrownBy(() -> exports.export(HOLDER, item, PLATFORM.getAddress()))
                .extracting(e -> ((CollectiblesException) e).refusal())
                .isEqualTo(CollectiblesRefusal.ADDRESS_NOT_WHITELISTED);
        assertThat(w.coreState()).isEqualTo(before);
        assertThat(contract.ownerOf(token)).isEmpty();

        exports.export(HOLDER, item, WALLET.getAddress());

        assertThat(contract.ownerOf(token)).hasValueSatisfying(o -> assertThat(o).isEqualToIgnoringCase(
                WALLET.getAddress()));
        synchronized (w.submitter) {
            assertThat(w.submitter.core().item(item).lockPurpose()).isEqualTo(ItemLockPurpose.EXPORT);
        }
        assertThatThrownBy(() -> w.market.list(HOLDER, item, "HKD", 5_000))
                .extracting(e -> ((CollectiblesException) e).refusal()).isEqualTo(CollectiblesRefusal.ITEM_LOCKED);
        assertThatThrownBy(() -> exports.export(HOLDER, item, WALLET.getAddress()))
                .extracting(e -> ((CollectiblesException) e).refusal()).isEqualTo(CollectiblesRefusal.ITEM_LOCKED);

        Erc721Contract.at(web3j, WALLET, AnvilNode.CHAIN_ID, contract.address())
                .transferFromSigner(PLATFORM.getAddress(), token);
        assertThat(exports.scanReturns()).isEqualTo(1);
        assertThat(exports.scanReturns()).isZero();

        synchronized (w.submitter) {
            assertThat(w.submitter.core().item(item).locked()).isFalse();
            assertThat(w.submitter.core().item(item).ownerAccountId()).isEqualTo(HOLDER);
        }
        assertThat(exports.export(item).orElseThrow().status()).isEqualTo("RETURNED");

        // Out again: the token the platform holds is sent, not minted a second time (a mint would revert).
        exports.export(HOLDER, item, WALLET.getAddress());
        assertThat(contract.ownerOf(token)).hasValueSatisfying(o -> assertThat(o).isEqualToIgnoringCase(
                WALLET.getAddress()));
        assertThatThrownBy(() -> contract.mint(WALLET.getAddress(), token))
                .isInstanceOf(Erc721Contract.ChainException.class);
    }

    @Test
    void shouldLockAnItemWhoseTokenIsAlreadyOutInsteadOfMintingItAgain() {
        long item = soldItem("HK_VATP");
        Erc721Contract contract = Erc721Contract.deploy(web3j, PLATFORM, AnvilNode.CHAIN_ID, "Lantau", "LTC", "x/");
        // As if an earlier export minted and then lost its answer before recording anything.
        contract.mint(WALLET.getAddress(), BigInteger.valueOf(item));

        ExportService.Export e = exports(contract).export(HOLDER, item, WALLET.getAddress());

        assertThat(e.status()).isEqualTo("ON_CHAIN");
        synchronized (w.submitter) {
            assertThat(w.submitter.core().item(item).lockPurpose()).isEqualTo(ItemLockPurpose.EXPORT);
        }
        assertThat(contract.ownerOf(BigInteger.valueOf(item))).hasValueSatisfying(o ->
                assertThat(o).isEqualToIgnoringCase(WALLET.getAddress()));
    }

    @Test
    void shouldRefuseExportUnderTheMainlandProfile() { // CN-07
        long item = soldItem("CN_DIGITAL_COLLECTIBLES");
        ExportService exports = exports(null);
        String before = w.coreState();

        assertThatThrownBy(() -> exports.export(HOLDER, item, WALLET.getAddress()))
                .extracting(e -> ((CollectiblesException) e).refusal())
                .isEqualTo(CollectiblesRefusal.FEATURE_DISABLED_IN_JURISDICTION);
        assertThat(w.coreState()).isEqualTo(before);
        assertThat(w.holdings.holding(item).orElseThrow().lockReason()).isNull();
    }
}
