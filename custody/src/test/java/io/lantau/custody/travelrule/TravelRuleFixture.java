package io.lantau.custody.travelrule;

import io.lantau.compliance.onboarding.IdentityDocumentType;
import io.lantau.compliance.onboarding.KycIdentity;
import io.lantau.compliance.profile.ProfileLoader;
import io.lantau.core.ResultCode;
import io.lantau.core.command.SetReferencePrice;
import io.lantau.custody.testbed.CustodyTestBed;
import java.time.LocalDate;
import java.util.List;

/** The travel rule under the HK_VATP profile, valued by the core's reference prices (BTC at HK$500,000). */
final class TravelRuleFixture {
    /** HK$500,000.00 per BTC, in HKD cents. */
    static final long BTC_PRICE_MINOR = 50_000_000L;
    final TravelRule travelRule;
    final DepositGate gate;

    TravelRuleFixture(CustodyTestBed bed) {
        TravelRuleSettings settings = ProfileLoader.standard().loadBuiltIn("HK_VATP")
                .section(TravelRuleSettings.SECTION, TravelRuleSettings.class);
        if (bed.commands.send(new SetReferencePrice(CustodyTestBed.BTC, BTC_PRICE_MINOR)) != ResultCode.OK) {
            throw new AssertionError("no reference price");
        }
        travelRule = new TravelRule(bed.dataSource(), settings, bed.valuation, "HKD", bed.clock);
        gate = new DepositGate(bed.dataSource(), travelRule, bed.clock);
    }

    static KycIdentity chan() {
        return new KycIdentity("CHAN Tai Man", LocalDate.of(1980, 5, 17), IdentityDocumentType.HKID, "A1234563",
                "HK", "HK", "Flat 3A, 8 Nathan Road\nTsim Sha Tsui, Kowloon");
    }

    static Ivms101.Beneficiary beneficiary(String name, String address) {
        return new Ivms101.Beneficiary(List.of(Ivms101.Person.natural(new Ivms101.NaturalPerson(
                new Ivms101.NaturalPersonName(List.of(new Ivms101.NaturalPersonNameId("LEE", "Siu Ming",
                        Ivms101.NaturalPersonNameTypeCode.LEGL))), List.of(), null, null, null, null))),
                List.of(address));
    }

    /** An originator with a name and account only: the reduced set, not enough at or above the threshold. */
    static Ivms101.Originator nameOnlyOriginator(String account) {
        return new Ivms101.Originator(List.of(Ivms101.Person.natural(new Ivms101.NaturalPerson(
                new Ivms101.NaturalPersonName(List.of(new Ivms101.NaturalPersonNameId("WONG", "Ka Yan",
                        Ivms101.NaturalPersonNameTypeCode.LEGL))), List.of(), null, null, null, null))),
                List.of(account));
    }

    /** A legal-person originator (another VASP's corporate client) with its LEI and address. */
    static Ivms101.Originator companyOriginator(String account) {
        return new Ivms101.Originator(List.of(Ivms101.Person.legal(new Ivms101.LegalPerson(
                new Ivms101.LegalPersonName(List.of(new Ivms101.LegalPersonNameId("Example Trading Ltd",
                        Ivms101.LegalPersonNameTypeCode.LEGL))),
                List.of(new Ivms101.GeographicAddress(Ivms101.AddressTypeCode.BIZZ, "Queen's Road Central", "1",
                        null, null, "Hong Kong", null, List.of(), "HK")), "C-778",
                new Ivms101.NationalIdentification("529900T8BM49AURSDO55", Ivms101.NationalIdentifierTypeCode.LEIX,
                        null, null), "HK"))), List.of(account));
    }
}
