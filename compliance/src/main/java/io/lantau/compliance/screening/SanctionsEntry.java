package io.lantau.compliance.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One designated person or entity of a sanctions list, as published.
 *
 * @param dataId          the publisher's stable id of the entry (the UN list's {@code DATAID}).
 * @param kind            individual or entity.
 * @param referenceNumber the publisher's reference (e.g. {@code QDi.001}); empty if the file gives none.
 * @param primaryName     the name as listed (for an individual, FIRST_NAME to FOURTH_NAME joined by spaces).
 * @param otherNames      aliases and the name in original script, in file order; never null.
 * @param listType        the sanctions regime (the UN list's {@code UN_LIST_TYPE}), or {@code null}.
 * @param listedOn        when it was listed, or {@code null}.
 */
public record SanctionsEntry(
        String dataId,
        Kind kind,
        String referenceNumber,
        String primaryName,
        List<String> otherNames,
        String listType,
        LocalDate listedOn) {

    public SanctionsEntry {
        Objects.requireNonNull(dataId, "dataId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(referenceNumber, "referenceNumber");
        Objects.requireNonNull(primaryName, "primaryName");
        otherNames = List.copyOf(otherNames);
    }

    /** @return the primary name followed by the other names. */
    public List<String> allNames() {
        if (otherNames.isEmpty()) {
            return List.of(primaryName);
        }
        ArrayList<String> names = new ArrayList<>(otherNames.size() + 1);
        names.add(primaryName);
        names.addAll(otherNames);
        return names;
    }

    /** Whether a list entry designates a natural person or an entity. */
    public enum Kind {
        INDIVIDUAL,
        ENTITY
    }
}
