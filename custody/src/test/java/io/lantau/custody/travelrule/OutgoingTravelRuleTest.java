package io.lantau.custody.travelrule;

import io.lantau.store.EngineTestBase;
import static io.lantau.custody.testbed.CustodyTestBed.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.testbed.CustodyTestBed;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HK-22 for a withdrawal's request: the data is checked without being kept ({@link TravelRule#checkOutgoing}), the
 * originator comes from the client's KYC identity, and the beneficiary's VASP (or none, a self-hosted wallet) is part
 * of the IVMS 101 data sent with the transfer.
 */
class OutgoingTravelRuleTest extends EngineTestBase {
    static final String TO = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
    CustodyTestBed bed;
    TravelRule rule;
    long chan;

    @BeforeEach
    void setUp() {
        bed = new CustodyTestBed(database);
        rule = new TravelRuleFixture(bed).travelRule;
        chan = bed.client("chan@example.com");
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private static Ivms101.BeneficiaryVasp vasp(Ivms101.Person person) {
        return new Ivms101.BeneficiaryVasp(person);
    }

    private static Ivms101.Person company(String name, String lei) {
        return Ivms101.Person.legal(new Ivms101.LegalPerson(new Ivms101.LegalPersonName(List.of(
                new Ivms101.LegalPersonNameId(name, Ivms101.LegalPersonNameTypeCode.LEGL))), List.of(), null,
                lei == null ? null : new Ivms101.NationalIdentification(lei, Ivms101.NationalIdentifierTypeCode.LEIX,
                        null, null), null));
    }

    @Test
    void shouldCheckWithoutKeepingAnything() {
        Ivms101.Payload complete = new Ivms101.Payload(TravelRule.originator(chan, TravelRuleFixture.chan()),
                TravelRuleFixture.beneficiary("Lee", TO), vasp(company("Example Exchange Ltd", null)));

        assertThatThrownBy(() -> rule.checkOutgoing(BTC, 2_000_000L, null))
                .isInstanceOfSatisfying(TravelRuleException.class, e -> assertThat(e.refusal())
                        .isEqualTo(TravelRuleRefusal.TRAVEL_RULE_DATA_MISSING));
        assertThatCode(() -> rule.checkOutgoing(BTC, 2_000_000L, complete)).doesNotThrowAnyException();
        assertThatCode(() -> rule.checkOutgoing(BTC, 1_000L, null)).doesNotThrowAnyException();
        assertThat(rule.list()).isEmpty();
        assertThat(rule.keptOutgoing("W-1")).isEmpty();

        rule.recordOutgoing("W-1", chan, BTC, 2_000_000L, complete);
        assertThat(rule.keptOutgoing("W-1")).contains(complete);
    }

    @Test
    void shouldTakeTheOriginatorFromKycIdentity() {
        Ivms101.Originator originator = TravelRule.originator(chan, TravelRuleFixture.chan());
        assertThat(originator.accountNumber()).containsExactly(Long.toString(chan));
        assertThat(Ivms101Validator.violations(new Ivms101.Payload(originator,
                TravelRuleFixture.beneficiary("Lee", TO)), true)).isEmpty();
    }

    @Test
    void shouldRequireTheBeneficiaryVaspToBeANamedLegalPersonWithAValidLei() {
        Ivms101.Originator originator = TravelRule.originator(chan, TravelRuleFixture.chan());
        Ivms101.Beneficiary beneficiary = TravelRuleFixture.beneficiary("Lee", TO);

        assertThat(Ivms101Validator.violations(new Ivms101.Payload(originator, beneficiary,
                vasp(company("Example Exchange Ltd", "529900T8BM49AURSDO55"))), true)).isEmpty();
        assertThat(Ivms101Validator.violations(new Ivms101.Payload(originator, beneficiary,
                vasp(company("Example Exchange Ltd", "529900T8BM49AURSDO56"))), true))
                .containsExactly("beneficiaryVASP.legalPerson.nationalIdentification: C11 a valid LEI");
        assertThat(Ivms101Validator.violations(new Ivms101.Payload(originator, beneficiary,
                vasp(company(" ", null))), true)).singleElement().asString()
                .startsWith("beneficiaryVASP.legalPerson.name: C5");
        assertThat(Ivms101Validator.violations(new Ivms101.Payload(originator, beneficiary,
                vasp(originator.originatorPersons().get(0))), true))
                .containsExactly("beneficiaryVASP: a legal person");
    }

    @Test
    void shouldWriteTheBeneficiaryVaspOnlyWhenThereIsOne() {
        Ivms101.Payload selfHosted = new Ivms101.Payload(TravelRuleFixture.nameOnlyOriginator("acct-1"),
                TravelRuleFixture.beneficiary("Lee", TO));
        assertThat(TravelRule.json(selfHosted)).doesNotContain("beneficiaryVASP");
        assertThat(TravelRule.parse(TravelRule.json(selfHosted))).isEqualTo(selfHosted);

        Ivms101.Payload hosted = new Ivms101.Payload(selfHosted.originator(), selfHosted.beneficiary(),
                vasp(company("Example Exchange Ltd", "529900T8BM49AURSDO55")));
        assertThat(TravelRule.json(hosted)).contains("\"beneficiaryVASP\":{\"beneficiaryVASP\":{\"legalPerson\"");
        assertThat(TravelRule.parse(TravelRule.json(hosted))).isEqualTo(hosted);
    }
}
