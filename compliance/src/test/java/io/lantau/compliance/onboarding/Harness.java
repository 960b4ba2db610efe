package io.lantau.compliance.onboarding;

import io.lantau.store.dispatch.DirectCommandSubmitter;
import io.lantau.compliance.suitability.ClassificationService;
import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.compliance.suitability.SuitabilityService;
import io.lantau.compliance.suitability.SuitabilitySettings;
import io.lantau.core.AccountKind;
import io.lantau.core.AccountStatus;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.command.OpenAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The onboarding services wired as the app will wire them, over a real core behind a journal-less submitter: a
 * {@link KycClearance} for the suitability service, which the onboarding service subscribes to.
 */
final class Harness implements AutoCloseable {
    static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    static final OnboardingSettings HK_VATP = new OnboardingSettings(true, true, List.of("CN", "KP", "IR", "SY", "CU"),
            18);
    static final OnboardingSettings OPEN = new OnboardingSettings(false, false, List.of(), 0);

    final DirectCommandSubmitter submitter = new DirectCommandSubmitter();
    final CoreCommands commands = new CoreCommands(submitter, Duration.ofSeconds(10));
    final TestCipher cipher = new TestCipher();
    final Set<String> listedNames = ConcurrentHashMap.newKeySet();
    final SuitabilityService suitability;
    final ClassificationService classification;
    final OnboardingService onboarding;
    final AccessLog accessLog;
    volatile boolean screeningDown;

    Harness(DataSource dataSource, OnboardingSettings onboardingSettings, SuitabilitySettings suitabilitySettings) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        suitability = new SuitabilityService(suitabilitySettings, dataSource, commands, clock,
                new KycClearance(onboardingSettings, dataSource));
        classification = new ClassificationService(suitability);
        NameScreening screening = (account, identity) -> {
            if (screeningDown) {
                throw new IllegalStateException("screening service down");
            }
            return listedNames.contains(identity.legalName())
                    ? new ScreeningOutcome(ScreeningStatus.HIT, "LIST-42") : ScreeningOutcome.clear();
        };
        onboarding = new OnboardingService(onboardingSettings, dataSource, commands, cipher, screening, suitability,
                clock);
        accessLog = new AccessLog(dataSource, clock);
    }

    /** Opens the core account (as the gateway does at sign-up) and registers it for onboarding. */
    OnboardingAccount signUp(long accountId) {
        send(new OpenAccount(accountId, AccountKind.CLIENT, 0));
        return onboarding.register(accountId);
    }

    ResultCode send(Command command) {
        return commands.send(command);
    }

    AccountStatus coreStatus(long accountId) {
        synchronized (submitter) {
            return submitter.core().accountStatus(accountId);
        }
    }

    static KycIdentity identity(String name, String residency) {
        return new KycIdentity(name, LocalDate.of(1990, 5, 17), IdentityDocumentType.HKID, "A123456(7)", "GB",
                residency, "Flat 12A, 1 Harbour Road, Wan Chai, Hong Kong");
    }

    static DocumentUpload document(String text) {
        return new DocumentUpload(DocumentKind.ID_DOCUMENT_FRONT, "image/jpeg",
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static KycSubmission submission(String name, String residency, String documentText) {
        return new KycSubmission(identity(name, residency), List.of(document(documentText)));
    }

    @Override
    public void close() {
        submitter.close();
    }
}
