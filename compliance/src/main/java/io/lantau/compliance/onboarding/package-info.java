/**
 * Client onboarding (HK-01, HK-06, HK-23, HK-24 call points): registration, KYC submission with identity data and
 * documents sealed at rest, the compliance officers' review queue, the account life cycle over the core's
 * {@link io.lantau.core.AccountStatus} with activation once every gate holds, and the access log of logins and order
 * or withdrawal requests.
 *
 * <p>These services decide and record; the core enforces (only an ACTIVE account may place orders). Status changes
 * reach the core as {@code SetAccountStatus} commands and are recorded only after the core has accepted them. Every
 * refusal carries an {@link io.lantau.compliance.onboarding.OnboardingRefusal} code and changes no state (a blocked
 * residency leaves only its refusal record). Thread-safe; changes to one account are serialised.
 */
package io.lantau.compliance.onboarding;
