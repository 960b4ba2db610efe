package io.lantau.compliance.audit;

import io.lantau.compliance.profile.JurisdictionProfile;
import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Records the jurisdiction profile in force in the audit trail (a change to critical parameters, Schedule 3): at
 * start-up, the platform calls {@link #record}, which appends a {@link AuditKind#PROFILE_PARAMETER_CHANGE} record if
 * the profile's id or fingerprint differs from the last one recorded. Stateless.
 */
public final class ProfileInForce {
    private ProfileInForce() {
    }

    /**
     * @param actor who started the platform with this profile ({@link AuditEntry#SYSTEM} if nobody in particular).
     * @return the record appended, or null if the profile in force is the one last recorded.
     * @throws StoreException if the store fails.
     */
    public static AuditRecord record(AuditTrail trail, JurisdictionProfile profile, Instant now, String actor) {
        String details = AuditDetails.builder().put("profile", profile.id()).put("fingerprint", profile.fingerprint())
                .put("source", profile.source()).build();
        String last = lastRecorded(trail);
        String fingerprintKey = "\"fingerprint\":\"" + profile.fingerprint() + "\"";
        if (last != null && last.contains(fingerprintKey) && last.contains("\"profile\":\"" + profile.id() + "\"")) {
            return null;
        }
        return trail.append(new AuditEntry(now, AuditKind.PROFILE_PARAMETER_CHANGE, actor, "profile:" + profile.id(),
                details));
    }

    private static String lastRecorded(AuditTrail trail) {
        try (Connection c = trail.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT details FROM audit_log WHERE kind = ? "
                        + "ORDER BY seq DESC LIMIT 1")) {
            s.setString(1, AuditKind.PROFILE_PARAMETER_CHANGE.name());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("read the last profile in force from the audit trail", e);
        }
    }
}
