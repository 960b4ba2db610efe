package io.lantau.gateway.nativeapi;

import io.lantau.compliance.security.StaffDirectory;
import io.lantau.compliance.security.StaffRole;
import io.lantau.compliance.security.TotpService;
import io.lantau.compliance.security.TotpStatus;
import io.lantau.store.account.Session;
import java.util.Arrays;
import java.util.Set;

/**
 * The gate in front of every staff endpoint (HK-17, HK-29): the caller must hold a staff role, the one the endpoint
 * needs when it names some, and must have TOTP active. Auditors may read, never change.
 */
public final class StaffAccess {
    private final StaffDirectory staff;
    private final TotpService totp;

    public StaffAccess(StaffDirectory staff, TotpService totp) {
        this.staff = staff;
        this.totp = totp;
    }

    /**
     * @param changes whether the endpoint changes state: auditors are refused before any input is read.
     * @param anyOf   the roles that may use the endpoint; none for any staff role.
     * @return the caller's roles.
     * @throws NativeException {@link NativeError#STAFF_ROLE_REQUIRED} or {@link NativeError#STAFF_TOTP_REQUIRED}.
     */
    public Set<StaffRole> require(Session session, boolean changes, StaffRole... anyOf) {
        if (session == null) {
            throw new NativeException(NativeError.UNAUTHENTICATED);
        }
        Set<StaffRole> roles = staff.rolesOf(session.userId());
        if (roles.isEmpty() || changes && roles.equals(Set.of(StaffRole.AUDITOR))
                || anyOf.length > 0 && Arrays.stream(anyOf).noneMatch(roles::contains)) {
            throw new NativeException(NativeError.STAFF_ROLE_REQUIRED);
        }
        if (totp.status(session.userId()) != TotpStatus.ACTIVE) {
            throw new NativeException(NativeError.STAFF_TOTP_REQUIRED);
        }
        return roles;
    }

    /** @return whether the session's user holds any staff role (without the TOTP check). */
    public boolean isStaff(Session session) {
        return session != null && !staff.rolesOf(session.userId()).isEmpty();
    }
}
