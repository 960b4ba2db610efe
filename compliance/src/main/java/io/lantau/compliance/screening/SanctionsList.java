package io.lantau.compliance.screening;

import java.util.List;
import java.util.Objects;

/**
 * A sanctions list as read from one published file.
 *
 * @param source  which list ({@link SanctionsListLoader#UN_SECURITY_COUNCIL} for the UN consolidated list).
 * @param version the publisher's version (the UN list's {@code dateGenerated}), or the file's SHA-256 if absent.
 * @param sha256  the SHA-256 of the file, lower-case hex.
 * @param entries the entries in file order.
 */
public record SanctionsList(String source, String version, String sha256, List<SanctionsEntry> entries) {

    public SanctionsList {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        entries = List.copyOf(entries);
    }
}
