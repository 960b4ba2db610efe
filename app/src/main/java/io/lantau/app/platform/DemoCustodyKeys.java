package io.lantau.app.platform;

import io.lantau.custody.cold.HdSeed;
import io.lantau.custody.cold.SealedSeed;
import io.lantau.custody.wallet.AccountPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.bitcoinj.base.BitcoinNetwork;

/**
 * DEMO ONLY. Key material the embedded demo generates once into the data directory, the way {@code admin.token} is:
 * an HD seed for the ETH deposit account (and the ETH cold account sweeps go to), sealed ({@link SealedSeed}) under the two generated hot-key operator
 * secrets, and that account's extended public key, which is all the platform reads back. A production deployment
 * runs the key ceremony offline and configures only the xpub ({@code eth.account.xpub}) and the operators' secrets
 * from its secret store; then nothing of this class runs.
 */
final class DemoCustodyKeys {
    static final String SEALED_SEED_FILE = "demo-custody-seed.json";
    static final String XPUB_FILE = "demo-eth-account.xpub";
    static final String COLD_XPUB_FILE = "demo-eth-cold-account.xpub";
    static final String OPERATOR_A_FILE = "demo-hot-key-operator-a.secret";
    static final String OPERATOR_B_FILE = "demo-hot-key-operator-b.secret";

    private DemoCustodyKeys() {
    }

    /** @return the operator secret configured, else the demo's generated one (owner-only file in the data dir). */
    static String operatorSecret(String configured, Path dataDir, String file) {
        return GeneratedSecrets.orGenerate(configured, dataDir.resolve(file));
    }

    /**
     * @return the demo ETH account's {@code [fingerprint/44'/60'/0']xpub...}: read from the data directory, or on the
     *     first start generated from a new seed that is kept only sealed under both operators' secrets.
     */
    static String ethAccountXpub(Path dataDir, String operatorA, String operatorB) {
        Path xpubFile = dataDir.resolve(XPUB_FILE);
        try {
            if (Files.exists(xpubFile)) {
                return Files.readString(xpubFile, StandardCharsets.UTF_8).trim();
            }
            SecureRandom random = new SecureRandom();
            HdSeed.Generated generated = HdSeed.generate(random);
            try (HdSeed seed = generated.seed()) {
                String xpub = seed.accountKey(AccountPaths.ETHEREUM).format(BitcoinNetwork.MAINNET);
                SealedSeed sealed = SealedSeed.seal(seed, Map.of("operator-a", operatorA.toCharArray(),
                        "operator-b", operatorB.toCharArray()), random);
                writeOwnerOnly(dataDir.resolve(SEALED_SEED_FILE), sealed.toJson());
                writeOwnerOnly(xpubFile, xpub);
                return xpub;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo custody keys in " + dataDir, e);
        }
    }

    /**
     * @return the demo ETH cold account's {@code [fingerprint/44'/60'/1']xpub...} (HK-16: where sweeps go), from the
     *     same demo seed: read from the data directory, or derived once from the seed unsealed with both operators'
     *     secrets (the seed is generated first if this is the very first start); null if the data directory has the
     *     deposit xpub but not its sealed seed (then sweeps stay proposed).
     */
    static String ethColdXpub(Path dataDir, String operatorA, String operatorB) {
        Path coldFile = dataDir.resolve(COLD_XPUB_FILE);
        try {
            if (Files.exists(coldFile)) {
                return Files.readString(coldFile, StandardCharsets.UTF_8).trim();
            }
            ethAccountXpub(dataDir, operatorA, operatorB);
            Path seedFile = dataDir.resolve(SEALED_SEED_FILE);
            if (!Files.exists(seedFile)) {
                return null;
            }
            SealedSeed sealed = SealedSeed.fromJson(Files.readString(seedFile, StandardCharsets.UTF_8));
            try (HdSeed seed = sealed.unseal(Map.of("operator-a", operatorA.toCharArray(),
                    "operator-b", operatorB.toCharArray()))) {
                String xpub = seed.accountKey(AccountPaths.ETHEREUM_COLD).format(BitcoinNetwork.MAINNET);
                writeOwnerOnly(coldFile, xpub);
                return xpub;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo custody keys in " + dataDir, e);
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the directory's default permissions
        }
    }
}
