package io.lantau.gateway.nativeapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) in the PHC string format that other Argon2 libraries read:
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, base64 without padding, 16-byte salt, 32-byte
 * hash. The password is NFKC-normalised and encoded as UTF-8 first, so that the same typed text always verifies.
 *
 * <p>HK-31 (VATP 12.12(g)): credentials are stored under strong one-way hashing. Thread-safe and blocking: at most
 * {@code maxConcurrent} hashes run at once (each holds {@code memoryKib} of memory); a caller that waits longer than
 * the queue allows is refused with {@link NativeError#SERVICE_BUSY}. Call from a worker thread, never an event loop.
 */
final class PasswordHasher {
    private static final String PREFIX = "$argon2id$v=19$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final long MAX_WAIT_MILLIS = 5_000;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final NativeApiSettings.HashingCost cost;
    private final Semaphore slots;
    private final SecureRandom random;
    /** A hash of a random password at the current cost: verified against when the user is unknown. */
    private final String dummy;

    PasswordHasher(NativeApiSettings.HashingCost cost, SecureRandom random) {
        this.cost = cost;
        this.random = random;
        this.slots = new Semaphore(cost.maxConcurrent(), true);
        byte[] throwaway = new byte[24];
        random.nextBytes(throwaway);
        this.dummy = hash(B64.encodeToString(throwaway));
    }

    /** @return the encoded hash of {@code password} at the configured cost, with a fresh salt. */
    String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, cost.memoryKib(), cost.iterations(), cost.parallelism(), HASH_BYTES);
        return PREFIX + "m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * @return whether {@code password} matches {@code encoded}; false for an encoding this class cannot read (which
     *         is then as good as a wrong password).
     */
    boolean verify(String password, String encoded) {
        Parsed parsed = Parsed.of(encoded);
        if (parsed == null) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt, parsed.memoryKib, parsed.iterations, parsed.parallelism,
                parsed.hash.length);
        return MessageDigest.isEqual(actual, parsed.hash);
    }

    /** Spends the time of a verification for an unknown user, so that its answer takes as long as a wrong password. */
    void verifyDummy(String password) {
        verify(password, dummy);
    }

    /** @return whether {@code encoded} was made at another cost (or is unreadable) and should be replaced. */
    boolean needsRehash(String encoded) {
        Parsed parsed = Parsed.of(encoded);
        return parsed == null || parsed.memoryKib != cost.memoryKib() || parsed.iterations != cost.iterations()
                || parsed.parallelism != cost.parallelism() || parsed.hash.length != HASH_BYTES
                || parsed.salt.length != SALT_BYTES;
    }

    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        byte[] secret = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        try {
            if (!slots.tryAcquire(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new NativeException(NativeError.SERVICE_BUSY, "password hashing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NativeException(NativeError.SERVICE_BUSY, "password hashing");
        }
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                    .withSalt(salt).build());
            byte[] out = new byte[length];
            generator.generateBytes(secret, out);
            return out;
        } finally {
            slots.release();
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** A stored hash, read back; parameters bounded so that a corrupt row cannot ask for unbounded work. */
    private record Parsed(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
        static Parsed of(String encoded) {
            if (encoded == null || !encoded.startsWith(PREFIX)) {
                return null;
            }
            String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
            if (parts.length != 3) {
                return null;
            }
            String[] params = parts[0].split(",", -1);
            if (params.length != 3 || !params[0].startsWith("m=") || !params[1].startsWith("t=")
                    || !params[2].startsWith("p=")) {
                return null;
            }
            try {
                int m = Integer.parseInt(params[0].substring(2));
                int t = Integer.parseInt(params[1].substring(2));
                int p = Integer.parseInt(params[2].substring(2));
                byte[] salt = B64_DECODER.decode(parts[1]);
                byte[] hash = B64_DECODER.decode(parts[2]);
                if (p < 1 || p > 16 || m < 8 * p || m > 1024 * 1024 || t < 1 || t > 16 || salt.length < 8
                        || hash.length < 16 || hash.length > 64) {
                    return null;
                }
                return new Parsed(m, t, p, salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
