package io.lantau.app.platform;

import io.lantau.collectibles.chain.Erc721Contract;
import io.lantau.custody.signer.EthHotSigner;
import io.lantau.custody.signer.OperatorSecret;
import io.lantau.custody.signer.SealedKey;
import io.lantau.custody.signer.SignerKeyStore;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

/**
 * The platform's ERC-721 contract for exports of collectibles (issue 6), when an Ethereum node is configured
 * ({@code eth.rpc.url}) and the profile allows export (never under {@code CN_DIGITAL_COLLECTIBLES}, CN-07: the
 * collectibles module ignores the contract there).
 *
 * <p>The contract is deployed once: its own key (the contract's owner, the only minter) is made at the first start
 * with a node and kept sealed under the same two hot-key operators as custody's hot key, in the signer key store under
 * {@link #KEY_NAME} — a separate key, so that its nonces never race the withdrawals'. Its address is stored in the data
 * directory next to the journal ({@link #ADDRESS_FILE}) and bound to on every later start. Deploying costs gas: until
 * the operator has funded the key's address (logged, and {@link #keyAddress()}), the deploy fails, export stays off
 * and the next start tries again.
 */
public final class CollectiblesChain {
    private static final Logger LOG = LoggerFactory.getLogger(CollectiblesChain.class);
    /** The signer key store's name for the contract's key (its column holds 8 characters). */
    static final String KEY_NAME = "ETH-NFT";
    static final String ADDRESS_FILE = "collectibles-erc721.address";
    /** How often the chain is read for tokens sent back to the platform. */
    static final java.time.Duration RETURN_SCAN_EVERY = java.time.Duration.ofSeconds(2);

    private final Erc721Contract contract;
    private final String keyAddress;

    private CollectiblesChain(Erc721Contract contract, String keyAddress) {
        this.contract = contract;
        this.keyAddress = keyAddress;
    }

    /** Without a node: no contract, no key. */
    static CollectiblesChain none() {
        return new CollectiblesChain(null, null);
    }

    /**
     * Binds to the contract deployed before, or deploys it; answers with no contract if the deploy fails (the key has
     * no gas yet, the node does not answer).
     *
     * @param tokenBaseUri the token URI prefix: {@code tokenURI(id) = tokenBaseUri + id}.
     * @param closeInOrder the platform's stop list; the node's connection is put at its front.
     */
    static CollectiblesChain connect(PlatformConfig config, DataSource ds, String tokenBaseUri,
            List<AutoCloseable> closeInOrder) {
        Web3j web3j = Web3j.build(new HttpService(config.custody().ethRpcUrl()));
        closeInOrder.add(0, web3j::shutdown);
        Credentials key = contractKey(config, ds);
        Path addressFile = config.dataDir().resolve(ADDRESS_FILE);
        try {
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            if (Files.exists(addressFile)) {
                String address = Files.readString(addressFile, StandardCharsets.UTF_8).trim();
                String code = web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
                if (code == null || code.equals("0x")) {
                    // Never deploy a second contract over the first: items exported there would be orphaned.
                    LOG.error("collectibles: no contract at {} on this chain; export stays off", address);
                    return new CollectiblesChain(null, key.getAddress());
                }
                LOG.info("collectibles: ERC-721 contract {} (owner {})", address, key.getAddress());
                return new CollectiblesChain(Erc721Contract.at(web3j, key, chainId, address), key.getAddress());
            }
            BigInteger gas = web3j.ethGetBalance(key.getAddress(), DefaultBlockParameterName.LATEST).send()
                    .getBalance();
            if (gas.signum() == 0) {
                LOG.warn("collectibles: fund the contract key {} to deploy the ERC-721 contract; export stays off "
                        + "until the next start", key.getAddress());
                return new CollectiblesChain(null, key.getAddress());
            }
            Erc721Contract deployed = Erc721Contract.deploy(web3j, key, chainId, "Lantau Collectibles", "LANTAU",
                    tokenBaseUri);
            Files.writeString(addressFile, deployed.address() + "\n", StandardCharsets.UTF_8);
            LOG.info("collectibles: deployed the ERC-721 contract {} (owner {})", deployed.address(),
                    key.getAddress());
            return new CollectiblesChain(deployed, key.getAddress());
        } catch (IOException | RuntimeException e) {
            LOG.warn("collectibles: the ERC-721 contract is not available ({}); export stays off", e.toString());
            return new CollectiblesChain(null, key.getAddress());
        }
    }

    /** The contract's key: made and sealed at the first start with a node, unsealed at every later one. */
    private static Credentials contractKey(PlatformConfig config, DataSource ds) {
        CustodyConfig c = config.custody();
        OperatorSecret first = new OperatorSecret("operator-a", CustodyWiring.operatorSecret(config,
                c.hotKeyOperatorA(), DemoCustodyKeys.OPERATOR_A_FILE).toCharArray());
        OperatorSecret second = new OperatorSecret("operator-b", CustodyWiring.operatorSecret(config,
                c.hotKeyOperatorB(), DemoCustodyKeys.OPERATOR_B_FILE).toCharArray());
        try {
            SignerKeyStore keys = new SignerKeyStore(ds, Clock.systemUTC());
            SealedKey sealed = keys.find(KEY_NAME).orElse(null);
            if (sealed == null) {
                keys.put(KEY_NAME, EthHotSigner.generate(first, second, new SecureRandom()));
                sealed = keys.find(KEY_NAME).orElseThrow();
                LOG.info("collectibles: generated the ERC-721 contract key {} sealed under two operators",
                        sealed.address());
            }
            byte[] raw = sealed.open(first, second);
            try {
                return Credentials.create(ECKeyPair.create(raw));
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } finally {
            first.wipe();
            second.wipe();
        }
    }

    /** @return the deployed contract, or null (no node, not deployed yet). */
    public Erc721Contract contract() {
        return contract;
    }

    /** @return the address of the contract's key (to fund for the deploy), or null without a node. */
    public String keyAddress() {
        return keyAddress;
    }
}
