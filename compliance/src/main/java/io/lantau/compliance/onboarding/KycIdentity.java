package io.lantau.compliance.onboarding;

import java.time.LocalDate;

/**
 * The identity a client declares at KYC. Sealed at rest under the master key except nationality and residency, which
 * stay readable for jurisdiction checks (HK-06).
 *
 * @param legalName        the full legal name, up to 256 characters.
 * @param dateOfBirth      the date of birth.
 * @param idDocumentType   the identity document's kind.
 * @param idDocumentNumber its number, up to 64 characters.
 * @param nationality      ISO 3166-1 alpha-2.
 * @param residency        ISO 3166-1 alpha-2 country of residence (HK-06).
 * @param address          the residential address, up to 1,024 characters.
 */
public record KycIdentity(String legalName, LocalDate dateOfBirth, IdentityDocumentType idDocumentType,
        String idDocumentNumber, String nationality, String residency, String address) {
}
