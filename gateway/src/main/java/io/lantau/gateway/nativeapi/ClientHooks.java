package io.lantau.gateway.nativeapi;

/**
 * What the licensing profile adds to registration and sign-in, supplied by the wiring: residency checks before a
 * user is stored (HK-06), registration for onboarding once the core account is open (PENDING_KYC under a profile with
 * KYC), and the access log of each sign-in (HK-23). Every method runs on a worker thread and may block.
 */
public interface ClientHooks {
    /** No residency asked, nothing recorded: for tests and the permissive profile's defaults. */
    ClientHooks NONE = new ClientHooks() {
    };

    /** @return whether {@code POST /register} must carry {@code residency} (an ISO 3166-1 alpha-2 code). */
    default boolean residencyRequired() {
        return false;
    }

    /**
     * Checks a registration before anything is stored.
     *
     * @param residency the declared residency, upper case, or null if none was sent.
     * @throws NativeException to refuse it ({@link NativeError#BLOCKED_JURISDICTION}, {@link NativeError#INVALID_VALUE}).
     */
    default void checkRegistration(String residency) {
    }

    /** The user and their core account exist: start their onboarding. */
    default void registered(long userId, String residency) {
    }

    /** A session was opened for the user (after every factor). */
    default void signedIn(long userId, NativeRequest request) {
    }
}
