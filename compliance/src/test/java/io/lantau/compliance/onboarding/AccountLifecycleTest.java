package io.lantau.compliance.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.core.AccountStatus;
import org.junit.jupiter.api.Test;

class AccountLifecycleTest {

    @Test
    void shouldLeavePendingKycOnlyForActiveSuspendedOrClosed() {
        assertThat(AccountLifecycle.next(AccountStatus.PENDING_KYC)).containsExactlyInAnyOrder(AccountStatus.ACTIVE,
                AccountStatus.SUSPENDED, AccountStatus.CLOSED);
    }

    @Test
    void shouldNeverLeaveClosed() {
        assertThat(AccountLifecycle.next(AccountStatus.CLOSED)).isEmpty();
        for (AccountStatus to : AccountStatus.values()) {
            assertThat(AccountLifecycle.allows(AccountStatus.CLOSED, to)).isFalse();
        }
    }

    @Test
    void shouldReachClosedAndNeverStayFromEveryOtherStatus() {
        for (AccountStatus from : AccountStatus.values()) {
            assertThat(AccountLifecycle.allows(from, from)).isFalse();
            if (from != AccountStatus.CLOSED) {
                assertThat(AccountLifecycle.allows(from, AccountStatus.CLOSED)).isTrue();
            }
        }
    }

    @Test
    void shouldGoBackToActiveFromEveryComplianceStatusButNeverBackToPendingKyc() {
        for (AccountStatus from : new AccountStatus[] {AccountStatus.MONITORED, AccountStatus.RESTRICTED,
                AccountStatus.SUSPENDED, AccountStatus.DORMANT}) {
            assertThat(AccountLifecycle.allows(from, AccountStatus.ACTIVE)).isTrue();
        }
        for (AccountStatus from : AccountStatus.values()) {
            assertThat(AccountLifecycle.allows(from, AccountStatus.PENDING_KYC)).isFalse();
        }
    }
}
