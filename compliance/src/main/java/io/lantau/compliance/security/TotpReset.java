package io.lantau.compliance.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removing a user's TOTP credential (a lost phone): a maker-checker action ({@value #ACTION}) requested by an
 * operator admin and approved by a compliance officer. Afterwards the user enrols again at the next sign-in when the
 * profile requires TOTP.
 */
public final class TotpReset implements ApprovalHandler {
    /** The action type. */
    public static final String ACTION = "TOTP_RESET";
    /** Who may request and approve a reset. */
    public static final ApprovalRule RULE = new ApprovalRule(ACTION, Set.of(StaffRole.OPERATOR_ADMIN),
            Set.of(StaffRole.COMPLIANCE_OFFICER));
    private static final Pattern PAYLOAD = Pattern.compile("\\{\"userId\":([1-9][0-9]{0,17})\\}");

    private final TotpService totp;

    /** @param totp the service whose credentials a reset removes. */
    public TotpReset(TotpService totp) {
        this.totp = totp;
    }

    /** @return the payload for resetting {@code userId}'s TOTP. */
    public static String payload(long userId) {
        return "{\"userId\":" + userId + "}";
    }

    @Override
    public long validate(String payload) {
        long userId = userId(payload);
        if (totp.status(userId) == TotpStatus.NONE) {
            throw new SecurityRefusedException(SecurityRefusal.INVALID_PAYLOAD, "no TOTP credential");
        }
        return userId;
    }

    @Override
    public void execute(Approval approval, Connection connection) throws SQLException {
        totp.delete(connection, userId(approval.payload()));
    }

    private static long userId(String payload) {
        Matcher m = payload == null ? null : PAYLOAD.matcher(payload);
        if (m == null || !m.matches()) {
            throw new SecurityRefusedException(SecurityRefusal.INVALID_PAYLOAD);
        }
        return Long.parseLong(m.group(1));
    }
}
