package io.lantau.custody.ledger;

import io.lantau.store.EngineTestBase;
import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.custody.deposit.DepositRepository;
import io.lantau.custody.deposit.DepositState;
import io.lantau.custody.deposit.ObservedDeposit;
import io.lantau.custody.signer.EthHotSigner;
import io.lantau.custody.signer.OperatorSecret;
import io.lantau.custody.signer.SealedKey;
import io.lantau.custody.signer.SignerKeyStore;
import io.lantau.custody.testing.CustodyRig;
import io.lantau.custody.withdrawal.AddressBook;
import io.lantau.custody.withdrawal.EthereumPersonalSign;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/** The custody tables (V12–V14) and their repositories behave the same on H2 and PostgreSQL. */
class CustodyTablesTest extends EngineTestBase {
    final Clock clock = Clock.systemUTC();

    @Test
    void shouldRecordDepositOnceMoveItOnReorgAndSettleWithLedgerEntries() {
        CustodyLedger ledger = new CustodyLedger(database.dataSource(), clock);
        DepositRepository deposits = new DepositRepository(database.dataSource(), ledger, clock);
        BigInteger amount = new BigInteger("1500000000000000007");
        ObservedDeposit d = new ObservedDeposit(77, "ETH", "ETH", "aa".repeat(32), 0, 1001, "0xabc", "0xdef",
                amount, 150_000_000L, BigInteger.valueOf(7), 10, "b1".repeat(32), DepositState.SEEN, null, null);

        deposits.observe(d);
        deposits.observe(d);
        deposits.observe(new ObservedDeposit(77, "ETH", "ETH", "aa".repeat(32), 0, 1001, "0xabc", "0xdef", amount,
                150_000_000L, BigInteger.valueOf(7), 11, "b2".repeat(32), DepositState.SEEN, null, null));
        assertThat(deposits.unsettled("ETH")).singleElement()
                .satisfies(x -> assertThat(x.blockHash()).isEqualTo("b2".repeat(32)));

        assertThat(deposits.settle(d, ChainAsset.ETH.units().toBase(150_000_000L))).isTrue();
        assertThat(deposits.settle(d, ChainAsset.ETH.units().toBase(150_000_000L))).isFalse();
        assertThat(deposits.drop(77)).isFalse();
        assertThat(deposits.find(77).orElseThrow().state()).isEqualTo(DepositState.CREDITED);
        assertThat(deposits.history(1001, 5)).hasSize(1);
        assertThat(ledger.total("ETH")).isEqualTo(amount);
        assertThat(ledger.clientTotal("ETH")).isEqualTo(amount.subtract(BigInteger.valueOf(7)));
        assertThat(ledger.clientBalance("ETH", 1001)).isEqualTo(amount.subtract(BigInteger.valueOf(7)));
        assertThat(ledger.houseTotal("ETH")).isEqualTo(BigInteger.valueOf(7));

        deposits.moveCursor("ETH", 12);
        deposits.moveCursor("ETH", 20);
        assertThat(deposits.cursor("ETH")).hasValue(20);
        assertThat(deposits.cursor("BTC")).isEmpty();
    }

    @Test
    void shouldKeepAddressBookEntriesPerAccountWithCooldown() throws Exception {
        AddressBook book = new AddressBook(database.dataSource(), List.of(new EthereumPersonalSign()),
                Duration.ofHours(24), clock);
        Credentials wallet = Credentials.create(Keys.createEcKeyPair());

        var entry = book.add(1001, "ETH", wallet.getAddress(), "cold", CustodyRig.proof(wallet, 1001));

        assertThat(entry.usableFrom()).isEqualTo(entry.addedAt().plus(Duration.ofHours(24)));
        assertThat(book.find(1001, "ETH", wallet.getAddress().toUpperCase().replace("0X", "0x"))).isPresent();
        assertThat(book.list(1002)).isEmpty();
        book.remove(1001, entry.whitelistId());
        assertThat(book.list(1001)).isEmpty();
    }

    @Test
    void shouldStoreSealedHotKeyOncePerChain() {
        OperatorSecret a = new OperatorSecret("a", "secret-of-operator-a".toCharArray());
        OperatorSecret b = new OperatorSecret("b", "secret-of-operator-b".toCharArray());
        SealedKey key = EthHotSigner.generate(a, b, new SecureRandom());
        SignerKeyStore store = new SignerKeyStore(database.dataSource(), clock);

        assertThat(store.put("ETH", key)).isTrue();
        assertThat(store.put("ETH", EthHotSigner.generate(a, b, new SecureRandom()))).isFalse();
        assertThat(store.find("ETH").orElseThrow().encode()).isEqualTo(key.encode());
    }
}
