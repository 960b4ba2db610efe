package io.lantau.collectibles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The real-name and age gates of the profile (CN-05, CN-06): a buyer must be verified and of the buyer age, a gift's
 * recipient verified and of the recipient age, whenever the profile requires real names. Ages are whole years on the
 * clock's UTC date. Stateless beyond its collaborators; thread-safe.
 */
final class Eligibility {
    private final CollectiblesSettings settings;
    private final Identities identities;
    private final Clock clock;

    Eligibility(CollectiblesSettings settings, Identities identities, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.identities = Objects.requireNonNull(identities);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A buyer in a drop or on the market: REAL_NAME_REQUIRED or UNDER_AGE. */
    void requireBuyer(long accountId) {
        require(accountId, settings.buyerMinimumAgeYears(), CollectiblesRefusal.REAL_NAME_REQUIRED);
    }

    /** A gift's sender: REAL_NAME_REQUIRED. */
    void requireSender(long accountId) {
        require(accountId, 0, CollectiblesRefusal.REAL_NAME_REQUIRED);
    }

    /** A gift's recipient: RECIPIENT_NOT_ELIGIBLE unless verified and of age (CN-06). */
    void requireRecipient(long accountId) {
        require(accountId, settings.recipientMinimumAgeYears(), CollectiblesRefusal.RECIPIENT_NOT_ELIGIBLE);
    }

    private void require(long accountId, int minimumAge, CollectiblesRefusal unverified) {
        if (!settings.realNameRequired() && minimumAge == 0) {
            return;
        }
        Identities.VerifiedIdentity identity = identities.verified(accountId)
                .orElseThrow(() -> new CollectiblesException(unverified));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (Period.between(identity.dateOfBirth(), today).getYears() < minimumAge) {
            throw new CollectiblesException(unverified == CollectiblesRefusal.RECIPIENT_NOT_ELIGIBLE ? unverified
                    : CollectiblesRefusal.UNDER_AGE);
        }
    }
}
