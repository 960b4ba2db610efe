package io.lantau.custody.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.compliance.security.Base32;
import io.lantau.compliance.security.SecretSealer;
import io.lantau.compliance.security.Totp;
import io.lantau.compliance.security.TotpService;
import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.core.AccountKind;
import io.lantau.core.ResultCode;
import io.lantau.core.command.OpenAccount;
import io.lantau.custody.deposit.DepositGate;
import io.lantau.custody.deposit.DepositRepository;
import io.lantau.custody.deposit.DepositTracker;
import io.lantau.custody.cold.HdSeed;
import io.lantau.custody.deposit.WalletDepositAddresses;
import io.lantau.custody.wallet.AccountPaths;
import io.lantau.custody.wallet.DepositAddressBook;
import io.lantau.custody.wallet.EthereumAddressDeriver;
import io.lantau.testsupport.AnvilNode;
import io.lantau.custody.ledger.ChainAsset;
import io.lantau.custody.ledger.CustodyLedger;
import io.lantau.custody.ledger.CustodySettings;
import io.lantau.custody.ledger.LedgerEntry;
import io.lantau.custody.ledger.LedgerKind;
import io.lantau.custody.signer.EthHotSigner;
import io.lantau.custody.signer.OperatorSecret;
import io.lantau.custody.signer.SealedKey;
import io.lantau.custody.withdrawal.AddressBook;
import io.lantau.custody.withdrawal.EthereumPersonalSign;
import io.lantau.custody.withdrawal.OwnershipProof;
import io.lantau.custody.withdrawal.WithdrawalProcessor;
import io.lantau.custody.withdrawal.WithdrawalRepository;
import io.lantau.custody.withdrawal.WithdrawalService;
import io.lantau.store.Database;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;

/**
 * The whole Ethereum custody stack on a fresh H2 database, a real core (behind {@link CoreBackedSubmitter}) and a
 * real anvil node: what the tests build on. Deposit addresses are derived from a fixed test seed at
 * {@code m/44'/60'/0'/0/i}.
 */
public final class CustodyRig implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    public static final ChainAsset ETH = ChainAsset.ETH;
    public static final OperatorSecret ALICE = new OperatorSecret("ops-alice", "alice-secret-passphrase".toCharArray());
    public static final OperatorSecret BOB = new OperatorSecret("ops-bob", "bob-secret-passphrase!!".toCharArray());

    /** Reversible and visibly not the plaintext; production seals with the gateway's AES-GCM cipher. */
    static final SecretSealer TEST_SEALER = new SecretSealer() {
        @Override
        public byte[] seal(byte[] plaintext) {
            byte[] out = plaintext.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] ^= 0x5A;
            }
            return out;
        }

        @Override
        public byte[] open(byte[] sealed) {
            return seal(sealed);
        }
    };

    public final AnvilChain chain;
    public final Database database;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T01:00:00Z"));
    public final CoreBackedSubmitter submitter = new CoreBackedSubmitter();
    public final CoreCommands core = new CoreCommands(submitter, Duration.ofSeconds(30));
    public final CustodySettings settings;
    public final CustodyLedger ledger;
    public final EthereumAddressDeriver depositKey;
    public final WalletDepositAddresses addresses;
    public final DepositRepository deposits;
    public final AddressBook addressBook;
    public final TotpService totp;
    public final WithdrawalRepository withdrawals;
    public final WithdrawalService withdrawalService;
    public final SealedKey hotKey;
    public final EthHotSigner hotSigner;
    public final WithdrawalProcessor processor;

    public CustodyRig(AnvilChain chain, CustodySettings settings) {
        this.chain = chain;
        this.settings = settings;
        int instance = DATABASES.incrementAndGet();
        this.database = Database.open("jdbc:h2:mem:custody" + instance + Database.H2_OPTIONS
                + ";DB_CLOSE_DELAY=-1", "sa", "", 20);
        // A seed of its own per rig (the anvil mnemonic with a passphrase of the rig's own), so that rigs sharing
        // one node never share an address; the platform side holds only the account's extended public key.
        try (HdSeed seed = HdSeed.fromMnemonic(AnvilNode.MNEMONIC, "rig " + instance + " " + System.nanoTime())) {
            this.depositKey = new EthereumAddressDeriver(seed.accountKey(AccountPaths.ETHEREUM));
        }
        this.ledger = new CustodyLedger(database.dataSource(), clock);
        this.addresses = new WalletDepositAddresses(new DepositAddressBook(database.dataSource(),
                List.of(depositKey), clock), ETH.chain());
        this.deposits = new DepositRepository(database.dataSource(), ledger, clock);
        List<OwnershipProof> proofs = List.of(new EthereumPersonalSign());
        this.addressBook = new AddressBook(database.dataSource(), proofs,
                Duration.ofHours(settings.newAddressCooldownHours()), clock);
        this.totp = new TotpService(database.dataSource(), TEST_SEALER, new SecureRandom(), clock);
        this.withdrawals = new WithdrawalRepository(database.dataSource(), ledger, clock);
        this.withdrawalService = new WithdrawalService(withdrawals, addressBook, totp, core, settings, List.of(ETH),
                clock);
        this.hotKey = EthHotSigner.generate(ALICE, BOB, new SecureRandom());
        this.hotSigner = EthHotSigner.unseal(hotKey, ALICE, BOB, chain.adapter(), ETH.units());
        this.processor = new WithdrawalProcessor(withdrawalService, withdrawals, chain.adapter(), hotSigner, ETH, core,
                settings.withdrawalConfirmations());
    }

    /** @return a new tracker on this rig's database (a "restart" when called again). */
    public DepositTracker newTracker(long startHeight) {
        return new DepositTracker(chain.adapter(), ETH, addresses, deposits, core, DepositGate.ALLOW_ALL,
                settings.depositConfirmations(), startHeight);
    }

    /** Registers a user of that id (the gateway's users table) and opens its core account. */
    public void openAccount(long accountId) {
        try (java.sql.Connection c = database.dataSource().getConnection(); java.sql.PreparedStatement s =
                c.prepareStatement("INSERT INTO users (id, email, email_key, password_hash, status, created_at)"
                        + " VALUES (?, ?, ?, 'x', 'ACTIVE', ?)")) {
            s.setLong(1, accountId);
            s.setString(2, "user" + accountId + "@example.com");
            s.setString(3, "user" + accountId + "@example.com");
            io.lantau.store.Jdbc.setInstant(s, 4, clock.instant());
            s.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(core.send(new OpenAccount(accountId, AccountKind.CLIENT, 0))).isEqualTo(ResultCode.OK);
    }

    /** Puts house funds on the hot wallet (the float that pays network fees), recorded in the custody ledger. */
    public void fundHotWallet(BigInteger wei) {
        String txid = chain.send(AnvilChain.FUNDED, hotSigner.address(), wei);
        ledger.append(new LedgerEntry(ETH.chain(), ETH.asset(), LedgerKind.HOUSE_FUNDING, 0, wei, "funding:" + txid));
    }

    /** @return a personal_sign proof by {@code owner} that it owns its address for {@code accountId}. */
    public static String proof(Credentials owner, long accountId) {
        String message = OwnershipProof.challenge(accountId, "ETH", owner.getAddress());
        Sign.SignatureData sig = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8),
                owner.getEcKeyPair());
        byte[] out = new byte[65];
        System.arraycopy(sig.getR(), 0, out, 0, 32);
        System.arraycopy(sig.getS(), 0, out, 32, 32);
        out[64] = sig.getV()[0];
        return "0x" + HexFormat.of().formatHex(out);
    }

    /** Enrols and confirms TOTP for the user; @return the secret to compute later codes with. */
    public byte[] enrolTotp(long userId) {
        byte[] secret = Base32.decode(totp.enrol(userId, "user" + userId + "@example.com").secret());
        totp.confirm(userId, codeNow(secret));
        clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
        return secret;
    }

    /** @return the TOTP code of the clock's current step. */
    public String codeNow(byte[] secret) {
        return Totp.code(Arrays.copyOf(secret, secret.length), Totp.step(clock.instant().getEpochSecond()));
    }

    /** @return the account's ETH balance in the core, available plus locked (minor units). */
    public long coreBalance(long accountId) {
        synchronized (submitter) {
            return submitter.core().availableMinor(accountId, ETH.assetId())
                    + submitter.core().lockedMinor(accountId, ETH.assetId());
        }
    }

    public long coreAvailable(long accountId) {
        synchronized (submitter) {
            return submitter.core().availableMinor(accountId, ETH.assetId());
        }
    }

    public long coreLocked(long accountId) {
        synchronized (submitter) {
            return submitter.core().lockedMinor(accountId, ETH.assetId());
        }
    }

    public String coreStateHash() {
        synchronized (submitter) {
            return submitter.core().stateHashHex();
        }
    }

    /**
     * The three books agree: the core's ETH liabilities (deposits minus settled withdrawals) equal the custody
     * ledger's client trust balance, in total and per account, and what the platform's addresses (deposit addresses and hot wallet) hold on
     * chain equals the ledger's total (client trust plus house).
     */
    public void assertBooksAgree() {
        long coreLiabilities;
        synchronized (submitter) {
            coreLiabilities = submitter.core().netDepositsMinor(ETH.assetId());
        }
        assertThat(ledger.clientTotal(ETH.chain())).as("custody ledger client trust = core liabilities")
                .isEqualTo(ETH.units().toBase(coreLiabilities));
        List<Long> accounts;
        synchronized (submitter) {
            accounts = submitter.core().accountIds();
        }
        for (long account : accounts) {
            assertThat(ledger.clientBalance(ETH.chain(), account)).as("custody ledger = core for account " + account)
                    .isEqualTo(ETH.units().toBase(coreBalance(account)));
        }
        BigInteger onChain = chain.adapter().balanceOf(hotSigner.address());
        for (String address : addresses.all()) {
            onChain = onChain.add(chain.adapter().balanceOf(address));
        }
        assertThat(onChain).as("platform addresses on chain = custody ledger total")
                .isEqualTo(ledger.total(ETH.chain()));
    }

    @Override
    public void close() {
        submitter.close();
        database.close();
    }
}
