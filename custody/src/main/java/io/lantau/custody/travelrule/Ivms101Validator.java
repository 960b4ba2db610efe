package io.lantau.custody.travelrule;

import io.lantau.custody.travelrule.Ivms101.Beneficiary;
import io.lantau.custody.travelrule.Ivms101.GeographicAddress;
import io.lantau.custody.travelrule.Ivms101.LegalPerson;
import io.lantau.custody.travelrule.Ivms101.NationalIdentification;
import io.lantau.custody.travelrule.Ivms101.NaturalPerson;
import io.lantau.custody.travelrule.Ivms101.Originator;
import io.lantau.custody.travelrule.Ivms101.Person;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks IVMS 101 data: the standard's constraints that apply to one transfer, and what HK-22 adds at or above the
 * threshold. Every violation names the field and the rule, e.g. {@code originator.originatorPersons[0]: C1}.
 *
 * <ul>
 *   <li>Always (the reduced set): at least one person each side, each a natural or a legal person (not both), with a
 *       legal name (C5, C6; lengths at most 100), and at least one account number each side.</li>
 *   <li>C2: a date of birth is a real date in the past. C7: an address has address lines, or a street name with a
 *       building name or number; a country is two capital letters (ISO 3166-1). C11: an LEI has 20 characters and a
 *       valid ISO 7064 check (mod 97).</li>
 *   <li>A beneficiary VASP, when named, is a legal person with a legal name (C5); none means a self-hosted
 *       wallet.</li>
 *   <li>At or above the threshold (HK-22; IVMS C1 narrowed to what the Guideline names): a natural-person originator
 *       also has an address, a national identification or a date of birth.</li>
 * </ul>
 * Stateless.
 */
public final class Ivms101Validator {
    private static final int MAX_NAME = 100;
    private static final int MAX_ACCOUNT = 128;
    private static final int MAX_TEXT = 70;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern LEI = Pattern.compile("[0-9A-Z]{18}[0-9]{2}");

    private Ivms101Validator() {
    }

    /**
     * @param full whether the transfer is at or above the threshold.
     * @return the violations; empty if the data is valid.
     */
    public static List<String> violations(Ivms101.Payload payload, boolean full) {
        List<String> out = new ArrayList<>();
        if (payload == null) {
            out.add("originator and beneficiary are required");
            return out;
        }
        Originator originator = payload.originator();
        if (originator == null) {
            out.add("originator: required");
        } else {
            persons("originator.originatorPersons", originator.originatorPersons(), full, out);
            accounts("originator.accountNumber", originator.accountNumber(), out);
        }
        Beneficiary beneficiary = payload.beneficiary();
        if (beneficiary == null) {
            out.add("beneficiary: required");
        } else {
            persons("beneficiary.beneficiaryPersons", beneficiary.beneficiaryPersons(), false, out);
            accounts("beneficiary.accountNumber", beneficiary.accountNumber(), out);
        }
        Ivms101.BeneficiaryVasp vasp = payload.beneficiaryVASP();
        if (vasp != null) {
            if (vasp.beneficiaryVASP() == null || vasp.beneficiaryVASP().legalPerson() == null
                    || vasp.beneficiaryVASP().naturalPerson() != null) {
                out.add("beneficiaryVASP: a legal person");
            } else {
                legal("beneficiaryVASP.legalPerson", vasp.beneficiaryVASP().legalPerson(), out);
            }
        }
        return out;
    }

    private static void persons(String path, List<Person> persons, boolean originatorFull, List<String> out) {
        if (persons == null || persons.isEmpty()) {
            out.add(path + ": at least one person");
            return;
        }
        for (int i = 0; i < persons.size(); i++) {
            String at = path + "[" + i + "]";
            Person p = persons.get(i);
            if (p == null || (p.naturalPerson() == null) == (p.legalPerson() == null)) {
                out.add(at + ": exactly one of naturalPerson and legalPerson");
            } else if (p.naturalPerson() != null) {
                natural(at + ".naturalPerson", p.naturalPerson(), originatorFull, out);
            } else {
                legal(at + ".legalPerson", p.legalPerson(), out);
            }
        }
    }

    private static void natural(String at, NaturalPerson p, boolean originatorFull, List<String> out) {
        boolean legalName = p.name() != null && p.name().nameIdentifier() != null
                && p.name().nameIdentifier().stream().anyMatch(n -> n != null
                        && n.nameIdentifierType() == Ivms101.NaturalPersonNameTypeCode.LEGL
                        && text(n.primaryIdentifier(), MAX_NAME)
                        && (n.secondaryIdentifier() == null || n.secondaryIdentifier().length() <= MAX_NAME));
        if (!legalName) {
            out.add(at + ".name: C6 a legal name (LEGL) with a primary identifier of 1 to " + MAX_NAME);
        }
        addresses(at, p.geographicAddress(), out);
        if (p.nationalIdentification() != null) {
            nationalId(at + ".nationalIdentification", p.nationalIdentification(), out);
        }
        if (p.dateAndPlaceOfBirth() != null) {
            String dob = p.dateAndPlaceOfBirth().dateOfBirth();
            try {
                if (dob == null || !LocalDate.parse(dob).isBefore(LocalDate.now())) {
                    out.add(at + ".dateAndPlaceOfBirth: C2 a date in the past");
                }
            } catch (DateTimeParseException e) {
                out.add(at + ".dateAndPlaceOfBirth: C2 an ISO date YYYY-MM-DD");
            }
            if (!text(p.dateAndPlaceOfBirth().placeOfBirth(), MAX_TEXT)) {
                out.add(at + ".dateAndPlaceOfBirth.placeOfBirth: 1 to " + MAX_TEXT + " characters");
            }
        }
        if (p.countryOfResidence() != null && !COUNTRY.matcher(p.countryOfResidence()).matches()) {
            out.add(at + ".countryOfResidence: ISO 3166-1 alpha-2");
        }
        if (p.customerIdentification() != null && !text(p.customerIdentification(), 50)) {
            out.add(at + ".customerIdentification: 1 to 50 characters");
        }
        boolean identified = (p.geographicAddress() != null && !p.geographicAddress().isEmpty())
                || p.nationalIdentification() != null || p.dateAndPlaceOfBirth() != null;
        if (originatorFull && !identified) {
            out.add(at + ": C1 (HK-22) an address, a national identification or a date of birth");
        }
    }

    private static void legal(String at, LegalPerson p, List<String> out) {
        boolean legalName = p.name() != null && p.name().nameIdentifier() != null
                && p.name().nameIdentifier().stream().anyMatch(n -> n != null
                        && n.legalPersonNameIdentifierType() == Ivms101.LegalPersonNameTypeCode.LEGL
                        && text(n.legalPersonName(), MAX_NAME));
        if (!legalName) {
            out.add(at + ".name: C5 a legal name (LEGL) of 1 to " + MAX_NAME);
        }
        addresses(at, p.geographicAddress(), out);
        if (p.nationalIdentification() != null) {
            nationalId(at + ".nationalIdentification", p.nationalIdentification(), out);
        }
        if (p.countryOfRegistration() != null && !COUNTRY.matcher(p.countryOfRegistration()).matches()) {
            out.add(at + ".countryOfRegistration: ISO 3166-1 alpha-2");
        }
    }

    private static void addresses(String at, List<GeographicAddress> addresses, List<String> out) {
        if (addresses == null) {
            return;
        }
        for (int i = 0; i < addresses.size(); i++) {
            GeographicAddress a = addresses.get(i);
            String path = at + ".geographicAddress[" + i + "]";
            if (a == null) {
                out.add(path + ": null");
                continue;
            }
            boolean lines = a.addressLine() != null && !a.addressLine().isEmpty() && a.addressLine().size() <= 7
                    && a.addressLine().stream().allMatch(l -> text(l, MAX_TEXT));
            boolean structured = text(a.streetName(), MAX_TEXT)
                    && (text(a.buildingName(), 35) || text(a.buildingNumber(), 16));
            if (!lines && !structured) {
                out.add(path + ": C7 address lines, or a street with a building name or number");
            }
            if (a.addressType() == null) {
                out.add(path + ".addressType: required");
            }
            if (a.country() == null || !COUNTRY.matcher(a.country()).matches()) {
                out.add(path + ".country: ISO 3166-1 alpha-2");
            }
        }
    }

    private static void nationalId(String at, NationalIdentification id, List<String> out) {
        if (!text(id.nationalIdentifier(), 35) || id.nationalIdentifierType() == null) {
            out.add(at + ": an identifier of 1 to 35 characters and its type");
            return;
        }
        if (id.nationalIdentifierType() == Ivms101.NationalIdentifierTypeCode.LEIX && !validLei(id.nationalIdentifier())) {
            out.add(at + ": C11 a valid LEI");
        }
        if (id.countryOfIssue() != null && !COUNTRY.matcher(id.countryOfIssue()).matches()) {
            out.add(at + ".countryOfIssue: ISO 3166-1 alpha-2");
        }
    }

    private static void accounts(String path, List<String> accounts, List<String> out) {
        if (accounts == null || accounts.isEmpty() || !accounts.stream().allMatch(a -> text(a, MAX_ACCOUNT))) {
            out.add(path + ": at least one account number of 1 to " + MAX_ACCOUNT + " characters");
        }
    }

    /** ISO 17442: 18 alphanumerics and two check digits; letters as 10..35, the whole number mod 97 is 1. */
    static boolean validLei(String lei) {
        if (!LEI.matcher(lei).matches()) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char ch : lei.toUpperCase(Locale.ROOT).toCharArray()) {
            digits.append(Character.digit(ch, 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static boolean text(String value, int max) {
        return value != null && !value.isBlank() && value.length() <= max;
    }
}
