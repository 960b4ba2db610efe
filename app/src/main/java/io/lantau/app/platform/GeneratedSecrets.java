package io.lantau.app.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Secrets the embedded set-up generates once and keeps in the data directory, readable by the owner only: the master
 * key (when none is configured) and the admin token. Production configuration sets both explicitly.
 */
final class GeneratedSecrets {
    private GeneratedSecrets() {
    }

    /** @return the configured value, else the file's content, else a new random secret written to the file. */
    static String orGenerate(String configured, Path file) {
        if (configured != null) {
            return configured;
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = HexFormat.of().formatHex(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the file keeps the directory's default permissions
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a generated secret in " + file, e);
        }
    }
}
