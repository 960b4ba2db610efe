package io.lantau.app.platform;

import io.lantau.compliance.onboarding.AccessAction;
import io.lantau.compliance.onboarding.OnboardingService;
import io.lantau.compliance.onboarding.OnboardingSettings;
import io.lantau.gateway.auth.AccessRecorder;
import io.lantau.gateway.nativeapi.ClientHooks;
import io.lantau.gateway.nativeapi.NativeError;
import io.lantau.gateway.nativeapi.NativeException;
import io.lantau.gateway.nativeapi.NativeRequest;

/**
 * Registration and sign-in under the profile in force: where KYC is required the residency must be declared and a
 * blocked one is refused before anything is stored (HK-06); each new client is registered for onboarding (PENDING_KYC
 * until the gates pass, or ACTIVE where none applies); each sign-in is recorded in the access log (HK-23).
 */
final class ProfileClientHooks implements ClientHooks {
    private final OnboardingService onboarding;
    private final OnboardingSettings settings;
    private final AccessRecorder access;

    ProfileClientHooks(OnboardingService onboarding, AccessRecorder access) {
        this.onboarding = onboarding;
        this.settings = onboarding.settings();
        this.access = access;
    }

    @Override
    public boolean residencyRequired() {
        return settings.kycRequired();
    }

    @Override
    public void checkRegistration(String residency) {
        if (residency != null && !java.util.Set.of(java.util.Locale.getISOCountries()).contains(residency)) {
            throw new NativeException(NativeError.INVALID_VALUE, "residency: an ISO 3166-1 alpha-2 code");
        }
        if (settings.blocks(residency)) {
            throw new NativeException(NativeError.BLOCKED_JURISDICTION, residency);
        }
    }

    @Override
    public void registered(long userId, String residency) {
        onboarding.register(userId);
    }

    @Override
    public void signedIn(long userId, NativeRequest request) {
        access.record(userId, AccessAction.LOGIN, request.clientIp(), request.deviceId(), null);
    }
}
