package io.lantau.custody.travelrule;

import io.lantau.store.EngineTestBase;
import static io.lantau.custody.testbed.CustodyTestBed.BTC;
import static io.lantau.custody.testbed.CustodyTestBed.ETH;
import static io.lantau.custody.testbed.CustodyTestBed.HKD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.custody.testbed.CustodyTestBed;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HK-22: IVMS 101 data required and kept for outgoing transfers at or above HK$8,000. */
class TravelRuleTest extends EngineTestBase {
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

    @Test
    void shouldValueTransfersWithCoreReferencePricesAgainstTheProfileThreshold() {
        // 0.016 BTC at HK$500,000 = HK$8,000.00 exactly: at the threshold.
        assertThat(rule.assess(BTC, 1_600_000L)).isEqualTo(new TravelRule.Assessment(800_000L, true));
        // Values round up: 0.01599999 BTC is HK$7,999.995, which counts as HK$8,000.00.
        assertThat(rule.assess(BTC, 1_599_999L)).isEqualTo(new TravelRule.Assessment(800_000L, true));
        assertThat(rule.assess(BTC, 1_599_998L)).isEqualTo(new TravelRule.Assessment(799_999L, false));
        assertThat(rule.assess(HKD, 800_000L).required()).isTrue();
        assertThat(rule.assess(HKD, 799_999L).required()).isFalse();
        // No reference price for ETH: treated as at or above the threshold.
        assertThat(rule.assess(ETH, 1L)).isEqualTo(new TravelRule.Assessment(null, true));
    }

    @Test
    void shouldRefuseOutgoingTransferAtThresholdWithoutCompleteData() {
        Ivms101.Payload reduced = new Ivms101.Payload(TravelRuleFixture.nameOnlyOriginator("acct-1"),
                TravelRuleFixture.beneficiary("Lee", TO));

        assertRefused(() -> rule.recordOutgoing("W-1", chan, BTC, 2_000_000L, null),
                TravelRuleRefusal.TRAVEL_RULE_DATA_MISSING);
        assertThatThrownBy(() -> rule.recordOutgoing("W-1", chan, BTC, 2_000_000L, reduced))
                .isInstanceOfSatisfying(TravelRuleException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(TravelRuleRefusal.TRAVEL_RULE_DATA_MISSING);
                    assertThat(e.detail()).contains("originator.originatorPersons[0].naturalPerson: C1");
                });
        Ivms101.Payload noBeneficiary = new Ivms101.Payload(originatorFromKyc(), null);
        assertRefused(() -> rule.recordOutgoing("W-1", chan, BTC, 2_000_000L, noBeneficiary),
                TravelRuleRefusal.TRAVEL_RULE_DATA_MISSING);
        assertThat(bed.rows("travel_rule_records")).isZero();
    }

    @Test
    void shouldKeepFullDataToSendWithTheTransfer() {
        Ivms101.Payload payload = new Ivms101.Payload(originatorFromKyc(), TravelRuleFixture.beneficiary("Lee", TO));

        TravelRuleRecord kept = rule.recordOutgoing("W-2", chan, BTC, 2_000_000L, payload).orElseThrow();
        TravelRuleRecord again = rule.recordOutgoing("W-2", chan, BTC, 2_000_000L, payload).orElseThrow();

        assertThat(again).isEqualTo(kept);
        assertThat(kept.valueMinor()).isEqualTo(1_000_000L);
        assertThat(kept.valuationCurrency()).isEqualTo("HKD");
        assertThat(TravelRule.parse(kept.ivms101())).isEqualTo(payload);
        assertThat(kept.ivms101()).contains("\"primaryIdentifier\":\"CHAN Tai Man\"", "\"nameIdentifierType\":\"LEGL\"",
                "\"nationalIdentifier\":\"A1234563\"", "\"nationalIdentifierType\":\"IDCD\"",
                "\"addressLine\":[\"Flat 3A, 8 Nathan Road\",\"Tsim Sha Tsui, Kowloon\"]",
                "\"accountNumber\":[\"" + TO + "\"]", "\"customerIdentification\":\"" + chan + "\"");
        assertThat(rule.find(Direction.OUTGOING, "W-2")).contains(kept);
        Ivms101.Payload other = new Ivms101.Payload(originatorFromKyc(), TravelRuleFixture.beneficiary("Lee", "x2"));
        assertRefused(() -> rule.recordOutgoing("W-2", chan, BTC, 2_000_000L, other),
                TravelRuleRefusal.TRAVEL_RULE_RECORD_CONFLICT);
    }

    @Test
    void shouldPassBelowThresholdWithoutData() {
        assertThat(rule.recordOutgoing("W-3", chan, BTC, 1_000_000L, null)).isEmpty();
        assertThat(bed.rows("travel_rule_records")).isZero();
    }

    @Test
    void shouldCheckIvms101ConstraintsOnDataGivenBelowThresholdToo() {
        Ivms101.Originator badLei = TravelRuleFixture.companyOriginator("acct-9");
        Ivms101.LegalPerson company = badLei.originatorPersons().get(0).legalPerson();
        Ivms101.Originator tampered = new Ivms101.Originator(List.of(Ivms101.Person.legal(new Ivms101.LegalPerson(
                company.name(), company.geographicAddress(), company.customerNumber(),
                new Ivms101.NationalIdentification("529900T8BM49AURSDO56", Ivms101.NationalIdentifierTypeCode.LEIX,
                        null, null), "HK"))), List.of("acct-9"));

        Optional<TravelRuleRecord> valid = rule.recordOutgoing("W-4", chan, BTC, 1_000L,
                new Ivms101.Payload(badLei, TravelRuleFixture.beneficiary("Lee", TO)));
        assertThat(valid).isPresent();
        assertThatThrownBy(() -> rule.recordOutgoing("W-5", chan, BTC, 1_000L,
                new Ivms101.Payload(tampered, TravelRuleFixture.beneficiary("Lee", TO))))
                .isInstanceOfSatisfying(TravelRuleException.class, e -> {
                    assertThat(e.refusal()).isEqualTo(TravelRuleRefusal.INVALID_IVMS101);
                    assertThat(e.detail()).contains("C11");
                });
        assertRefused(() -> TravelRule.parse("{\"originator\":{\"originatorPersons\":[],\"accountNumber\":[],"
                + "\"extra\":1}}"), TravelRuleRefusal.INVALID_IVMS101);
    }

    private Ivms101.Originator originatorFromKyc() {
        return new Ivms101.Originator(List.of(TravelRule.naturalPerson(chan, TravelRuleFixture.chan())),
                List.of("lantau:" + chan));
    }

    static void assertRefused(Runnable call, TravelRuleRefusal refusal) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TravelRuleException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal));
    }
}
