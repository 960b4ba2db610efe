package io.lantau.custody.wallet;

import io.lantau.store.EngineTestBase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.cold.HdSeed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bitcoinj.base.BitcoinNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One stable, never shared deposit address per client account and chain (REGULATORY.md HK-15), on H2 and PostgreSQL. */
class DepositAddressBookTest extends EngineTestBase {
    private static final HdSeed BTC_SEED = HdSeed.fromMnemonic(TestVectors.BIP84_MNEMONIC, "");
    private static final HdSeed ETH_SEED = HdSeed.fromMnemonic(TestVectors.ANVIL_MNEMONIC, "");

    private BitcoinAddressDeriver btc;
    private EthereumAddressDeriver eth;
    private DepositAddressBook book;

    @BeforeEach
    void openBook() {
        btc = new BitcoinAddressDeriver(BTC_SEED.accountKey(AccountPaths.bitcoin(BitcoinNetwork.MAINNET)),
                BitcoinNetwork.MAINNET);
        eth = new EthereumAddressDeriver(ETH_SEED.accountKey(AccountPaths.ETHEREUM));
        book = new DepositAddressBook(database.dataSource(), List.of(btc, eth), Clock.systemUTC());
    }

    @Test
    void shouldAssignTheNextIndexAndItsDerivedAddressOnFirstRequest() {
        DepositAddress first = book.addressFor(1001, "BTC");
        DepositAddress second = book.addressFor(1002, "BTC");

        assertThat(first).isEqualTo(new DepositAddress("BTC", 1001, 0, TestVectors.BIP84_RECEIVE_0));
        assertThat(second).isEqualTo(new DepositAddress("BTC", 1002, 1, TestVectors.BIP84_RECEIVE_1));
        assertThat(book.addressFor(1001, "ETH")).isEqualTo(new DepositAddress("ETH", 1001, 0, TestVectors.ANVIL_ACCOUNT_0));
    }

    @Test
    void shouldReturnTheSameAddressEveryTimeAndAfterARestart() {
        DepositAddress assigned = book.addressFor(1001, "ETH");
        book.addressFor(1002, "ETH");

        assertThat(book.addressFor(1001, "ETH")).isEqualTo(assigned);
        DepositAddressBook reopened = new DepositAddressBook(database.dataSource(), List.of(btc, eth), Clock.systemUTC());
        assertThat(reopened.addressFor(1001, "ETH")).isEqualTo(assigned);
        assertThat(reopened.find(1001, "ETH")).contains(assigned);
        assertThat(reopened.find(1003, "ETH")).isEmpty();
    }

    @Test
    void shouldFindTheOwnerOfAnAddressWrittenInAnyCase() {
        DepositAddress assigned = book.addressFor(1001, "ETH");

        assertThat(book.byAddress("ETH", assigned.address().toLowerCase())).contains(assigned);
        assertThat(book.byAddress("ETH", TestVectors.ANVIL_ACCOUNT_1)).isEmpty();
        assertThat(book.byAddress("ETH", "not an address")).isEmpty();
        assertThat(book.addresses("ETH")).containsExactly(assigned.address());
    }

    @Test
    void shouldNeverGiveOneIndexToTwoAccountsUnderConcurrentFirstRequests() throws Exception {
        int accounts = 40;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<DepositAddress>> futures = new ArrayList<>();
        try {
            for (int round = 0; round < 2; round++) {
                for (int a = 0; a < accounts; a++) {
                    long accountId = 2000 + a;
                    futures.add(pool.submit(() -> book.addressFor(accountId, "BTC")));
                }
            }
            List<DepositAddress> results = new ArrayList<>();
            for (Future<DepositAddress> f : futures) {
                results.add(f.get());
            }
            Set<DepositAddress> distinct = Set.copyOf(results);

            assertThat(distinct).hasSize(accounts);
            assertThat(distinct.stream().map(DepositAddress::index).collect(Collectors.toSet()))
                    .isEqualTo(IntStream.range(0, accounts).boxed().collect(Collectors.toSet()));
            assertThat(distinct).allSatisfy(d -> assertThat(d.address()).isEqualTo(btc.receiveAddress(d.index())));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseToStartWithAnotherAccountKeyThanTheAddressesCameFrom() {
        book.addressFor(1001, "ETH");
        HdSeed otherSeed = HdSeed.fromMnemonic(TestVectors.BIP84_MNEMONIC, "");
        EthereumAddressDeriver otherKey = new EthereumAddressDeriver(otherSeed.accountKey(AccountPaths.ETHEREUM));

        assertThatThrownBy(() -> new DepositAddressBook(database.dataSource(), List.of(btc, otherKey),
                Clock.systemUTC())).isInstanceOf(IllegalStateException.class).hasMessageContaining("ETH account key");
    }

    @Test
    void shouldRefuseAnUnknownChainOrAccount() {
        assertThatThrownBy(() -> book.addressFor(1001, "DOGE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.addressFor(0, "BTC")).isInstanceOf(IllegalArgumentException.class);
        assertThat(book.addresses("BTC")).isEmpty();
    }
}
