package io.lantau.gateway.custody;

import io.lantau.custody.fiat.VerifiedIdentities;
import io.lantau.custody.travelrule.Ivms101;
import io.lantau.custody.travelrule.TravelRule;
import io.lantau.gateway.nativeapi.JsonBody;
import io.lantau.gateway.nativeapi.NativeError;
import io.lantau.gateway.nativeapi.NativeException;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code travelRule} object of a withdrawal request into IVMS 101 data (HK-22): the client gives the
 * beneficiary and where the wallet is held; the originator is the client's approved KYC identity, never taken from the
 * request, and the beneficiary's account number is the withdrawal's destination.
 *
 * <pre>{@code
 * "travelRule": {
 *   "beneficiaryType": "NATURAL" | "LEGAL",
 *   "beneficiaryName": "LEE",               // natural: family name or whole legal name; legal: the legal name
 *   "beneficiaryGivenNames": "Siu Ming",    // optional, natural persons only
 *   "wallet": "SELF_HOSTED" | "VASP",
 *   "vaspName": "Example Exchange Ltd",     // required with VASP, not allowed with SELF_HOSTED
 *   "vaspLei": "529900T8BM49AURSDO55"       // optional, with VASP
 * }
 * }</pre>
 * An unknown field, a wrong type, a value too long or a missing one is the API's own 400 error; whether the data is
 * complete enough for the transfer's value is the travel rule's decision ({@link TravelRule}). Stateless.
 */
final class WithdrawalTravelRule {
    static final Set<String> FIELDS = Set.of("beneficiaryType", "beneficiaryName", "beneficiaryGivenNames", "wallet",
            "vaspName", "vaspLei");
    private static final int MAX_NAME = 100;

    private final VerifiedIdentities identities;

    WithdrawalTravelRule(VerifiedIdentities identities) {
        this.identities = identities;
    }

    /**
     * @param destination the withdrawal's destination address (the beneficiary's account number).
     * @return the IVMS 101 payload; its originator is null if the client has no approved identity (the travel rule
     *     then refuses it).
     * @throws NativeException 400 with the API's stable codes for malformed data.
     */
    Ivms101.Payload payload(long accountId, String destination, JsonBody data) {
        data.allowOnly(FIELDS);
        String type = data.requiredString("beneficiaryType", 8);
        String name = data.requiredString("beneficiaryName", MAX_NAME);
        String givenNames = data.optionalString("beneficiaryGivenNames", MAX_NAME);
        String wallet = data.requiredString("wallet", 16);
        String vaspName = data.optionalString("vaspName", MAX_NAME);
        String vaspLei = data.optionalString("vaspLei", 20);
        Ivms101.Person beneficiary = switch (type) {
            case "NATURAL" -> Ivms101.Person.natural(new Ivms101.NaturalPerson(new Ivms101.NaturalPersonName(
                    List.of(new Ivms101.NaturalPersonNameId(name, givenNames,
                            Ivms101.NaturalPersonNameTypeCode.LEGL))), List.of(), null, null, null, null));
            case "LEGAL" -> {
                if (givenNames != null) {
                    throw invalid("travelRule.beneficiaryGivenNames: natural persons only");
                }
                yield legalPerson(name, null);
            }
            default -> throw invalid("travelRule.beneficiaryType: NATURAL or LEGAL");
        };
        Ivms101.BeneficiaryVasp vasp = switch (wallet) {
            case "SELF_HOSTED" -> {
                if (vaspName != null || vaspLei != null) {
                    throw invalid("travelRule.vaspName: not with a self-hosted wallet");
                }
                yield null;
            }
            case "VASP" -> {
                if (vaspName == null) {
                    throw new NativeException(NativeError.MISSING_FIELD, "travelRule.vaspName");
                }
                yield new Ivms101.BeneficiaryVasp(legalPerson(vaspName, vaspLei));
            }
            default -> throw invalid("travelRule.wallet: SELF_HOSTED or VASP");
        };
        Ivms101.Originator originator = identities.verified(accountId)
                .map(identity -> TravelRule.originator(accountId, identity)).orElse(null);
        return new Ivms101.Payload(originator, new Ivms101.Beneficiary(List.of(beneficiary), List.of(destination)),
                vasp);
    }

    private static Ivms101.Person legalPerson(String name, String lei) {
        return Ivms101.Person.legal(new Ivms101.LegalPerson(new Ivms101.LegalPersonName(List.of(
                new Ivms101.LegalPersonNameId(name, Ivms101.LegalPersonNameTypeCode.LEGL))), List.of(), null,
                lei == null ? null : new Ivms101.NationalIdentification(lei, Ivms101.NationalIdentifierTypeCode.LEIX,
                        null, null), null));
    }

    private static NativeException invalid(String detail) {
        return new NativeException(NativeError.INVALID_VALUE, detail);
    }
}
