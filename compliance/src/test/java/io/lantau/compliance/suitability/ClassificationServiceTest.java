package io.lantau.compliance.suitability;

import io.lantau.store.EngineTestBase;
import io.lantau.store.dispatch.DirectCommandSubmitter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.AccountKind;
import io.lantau.core.InvestorClass;
import io.lantau.core.command.OpenAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClassificationServiceTest extends EngineTestBase {
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    private static final long CLIENT = 1001;
    private static final long OFFICER = 7;
    private static final String HASH = "9f".repeat(32);

    private DirectCommandSubmitter submitter;
    private SuitabilityService suitability;
    private ClassificationService classification;

    @BeforeEach
    void setUp() {
        submitter = new DirectCommandSubmitter();
        CoreCommands commands = new CoreCommands(submitter, Duration.ofSeconds(10));
        suitability = new SuitabilityService(Suitabilities.HK_VATP, database.dataSource(), commands,
                Clock.fixed(NOW, ZoneOffset.UTC), id -> true);
        classification = new ClassificationService(suitability);
        commands.send(new OpenAccount(CLIENT, AccountKind.CLIENT, 0));
    }

    @AfterEach
    void tearDown() {
        submitter.close();
    }

    private InvestorClass coreClass() {
        synchronized (submitter) {
            return submitter.core().investorClass(CLIENT);
        }
    }

    private static void assertRefused(ThrowingCallable call, SuitabilityRefusal code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SuitabilityException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void shouldRecordTheScheduleOneTypeAndEvidenceWhenProfessional() {
        ProfessionalEvidence evidence = new ProfessionalEvidence("audited accounts FY2024: total assets HK$52m",
                HASH, OFFICER);

        Classification c = classification.classifyProfessional(CLIENT, ProfessionalInvestorType.CORPORATE, evidence,
                OFFICER);

        assertThat(c.investorClass()).isEqualTo(InvestorClass.PROFESSIONAL);
        assertThat(classification.classification(CLIENT)).contains(new Classification(CLIENT,
                InvestorClass.PROFESSIONAL, ProfessionalInvestorType.CORPORATE, evidence, OFFICER, NOW));
        assertThat(coreClass()).isEqualTo(InvestorClass.PROFESSIONAL);
    }

    @Test
    void shouldRefuseAProfessionalClassificationWithoutEvidenceOrVerifiedByTheClient() {
        assertRefused(() -> classification.classifyProfessional(CLIENT, ProfessionalInvestorType.INDIVIDUAL,
                new ProfessionalEvidence(" ", HASH, OFFICER), OFFICER), SuitabilityRefusal.INVALID_EVIDENCE);
        assertRefused(() -> classification.classifyProfessional(CLIENT, ProfessionalInvestorType.INDIVIDUAL,
                new ProfessionalEvidence("statement", "not-a-hash", OFFICER), OFFICER),
                SuitabilityRefusal.INVALID_EVIDENCE);
        assertRefused(() -> classification.classifyProfessional(CLIENT, null,
                new ProfessionalEvidence("statement", HASH, OFFICER), OFFICER), SuitabilityRefusal.INVALID_EVIDENCE);
        assertRefused(() -> classification.classifyProfessional(CLIENT, ProfessionalInvestorType.INDIVIDUAL,
                new ProfessionalEvidence("statement", HASH, CLIENT), OFFICER), SuitabilityRefusal.SELF_VERIFICATION);
        assertRefused(() -> classification.classifyProfessional(CLIENT, ProfessionalInvestorType.INDIVIDUAL,
                new ProfessionalEvidence("statement", HASH, OFFICER), CLIENT), SuitabilityRefusal.SELF_VERIFICATION);

        assertThat(classification.classification(CLIENT)).isEmpty();
    }

    @Test
    void shouldApplyTheRetailLimitAgainWhenAProfessionalIsReclassifiedRetail() {
        classification.classifyRetail(CLIENT, CLIENT);
        suitability.profileRisk(CLIENT, Suitabilities.hk04Example());
        classification.classifyProfessional(CLIENT, ProfessionalInvestorType.INDIVIDUAL,
                new ProfessionalEvidence("portfolio HK$8.5m", HASH, OFFICER), OFFICER);
        assertThat(coreClass()).isEqualTo(InvestorClass.PROFESSIONAL);

        classification.classifyRetail(CLIENT, OFFICER);

        assertThat(coreClass()).isEqualTo(InvestorClass.RETAIL);
        synchronized (submitter) {
            assertThat(submitter.core().exposureLimitMinor(CLIENT)).isEqualTo(300_000_00L);
        }
        assertThat(classification.classification(CLIENT).orElseThrow().investorClass())
                .isEqualTo(InvestorClass.RETAIL);
    }
}
