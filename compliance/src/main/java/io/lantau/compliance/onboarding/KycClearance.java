package io.lantau.compliance.onboarding;

import io.lantau.compliance.suitability.KycGate;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The KYC gate as the suitability service asks it: cleared when the profile requires no KYC, or when the account's
 * latest KYC case is APPROVED. Reads the store on every call. Thread-safe.
 */
public final class KycClearance implements KycGate {
    private final OnboardingSettings settings;
    private final KycStore store;

    public KycClearance(OnboardingSettings settings, DataSource dataSource) {
        this.settings = Objects.requireNonNull(settings);
        this.store = new KycStore(Objects.requireNonNull(dataSource));
    }

    @Override
    public boolean kycCleared(long accountId) {
        return !settings.kycRequired()
                || store.latestCase(accountId).map(c -> c.state() == KycCaseState.APPROVED).orElse(false);
    }
}
