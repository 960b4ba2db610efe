package io.lantau.custody.travelrule;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The IVMS 101 data model (interVASP Messaging Standard 101, 2020) as far as the travel rule needs it: the
 * originator and the beneficiary, each one or more natural or legal persons with the account numbers (wallet
 * addresses) of the transfer. Field names are the standard's, so the JSON of {@link Payload} is IVMS 101 JSON.
 * Structural checks are in {@link Ivms101Validator}. Absent lists read as empty (and empty ones are not written), so
 * the JSON reads back to an equal payload.
 */
public final class Ivms101 {
    private Ivms101() {
    }

    /** The standard's name types: legal, alias, birth, maiden, misc. */
    public enum NaturalPersonNameTypeCode { LEGL, ALIA, BIRT, MAID, MISC }

    /** Legal, short, trading. */
    public enum LegalPersonNameTypeCode { LEGL, SHRT, TRAD }

    /** Residential, business, geographic. */
    public enum AddressTypeCode { HOME, BIZZ, GEOG }

    /**
     * Alien registration, passport, registration authority, driver's licence, foreign investment, tax, social
     * security, identity card, LEI, unspecified.
     */
    public enum NationalIdentifierTypeCode { ARNU, CCPT, RAID, DRLC, FIIN, TXID, SOCS, IDCD, LEIX, MISC }

    /** One name of a natural person: primary identifier (family name or whole name) and secondary (given names). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NaturalPersonNameId(String primaryIdentifier, String secondaryIdentifier,
            NaturalPersonNameTypeCode nameIdentifierType) {
    }

    public record NaturalPersonName(List<NaturalPersonNameId> nameIdentifier) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LegalPersonNameId(String legalPersonName, LegalPersonNameTypeCode legalPersonNameIdentifierType) {
    }

    public record LegalPersonName(List<LegalPersonNameId> nameIdentifier) {
    }

    /** An address: either structured (street, building number, town) or up to seven address lines, and a country. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record GeographicAddress(AddressTypeCode addressType, String streetName, String buildingNumber,
            String buildingName, String postCode, String townName, String countrySubDivision,
            List<String> addressLine, String country) {
        public GeographicAddress {
            addressLine = addressLine == null ? List.of() : List.copyOf(addressLine);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NationalIdentification(String nationalIdentifier, NationalIdentifierTypeCode nationalIdentifierType,
            String countryOfIssue, String registrationAuthority) {
    }

    /** @param dateOfBirth ISO 8601 date, {@code YYYY-MM-DD}. */
    public record DateAndPlaceOfBirth(String dateOfBirth, String placeOfBirth) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NaturalPerson(NaturalPersonName name, List<GeographicAddress> geographicAddress,
            NationalIdentification nationalIdentification, String customerIdentification,
            DateAndPlaceOfBirth dateAndPlaceOfBirth, String countryOfResidence) {
        public NaturalPerson {
            geographicAddress = geographicAddress == null ? List.of() : List.copyOf(geographicAddress);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record LegalPerson(LegalPersonName name, List<GeographicAddress> geographicAddress, String customerNumber,
            NationalIdentification nationalIdentification, String countryOfRegistration) {
        public LegalPerson {
            geographicAddress = geographicAddress == null ? List.of() : List.copyOf(geographicAddress);
        }
    }

    /** Exactly one of the two. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(NaturalPerson naturalPerson, LegalPerson legalPerson) {
        public static Person natural(NaturalPerson person) {
            return new Person(person, null);
        }

        public static Person legal(LegalPerson person) {
            return new Person(null, person);
        }
    }

    public record Originator(List<Person> originatorPersons, List<String> accountNumber) {
    }

    public record Beneficiary(List<Person> beneficiaryPersons, List<String> accountNumber) {
    }

    /**
     * The beneficiary's VASP (IVMS 101 {@code beneficiaryVASP}): the legal person that holds the beneficiary's
     * wallet. A payload without one is a transfer to a self-hosted (unhosted) wallet.
     */
    public record BeneficiaryVasp(Person beneficiaryVASP) {
    }

    /**
     * What is kept and sent with a transfer.
     *
     * @param beneficiaryVASP the beneficiary's VASP, or null for a self-hosted wallet.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(Originator originator, Beneficiary beneficiary, BeneficiaryVasp beneficiaryVASP) {
        /** A payload without a beneficiary VASP (self-hosted wallet, or an incoming transfer). */
        public Payload(Originator originator, Beneficiary beneficiary) {
            this(originator, beneficiary, null);
        }
    }
}
