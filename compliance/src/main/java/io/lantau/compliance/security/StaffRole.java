package io.lantau.compliance.security;

/**
 * What a member of staff may do. Staff are users who hold one or more roles (table {@code staff_roles}); granting or
 * revoking a role is itself a maker-checker action ({@link RoleChange}).
 */
public enum StaffRole {
    /** Runs the platform: requests role changes and operational actions. */
    OPERATOR_ADMIN,
    /** The compliance function: checks access grants and compliance actions. */
    COMPLIANCE_OFFICER,
    /** Moves client assets between custody tiers (HK-17). */
    CUSTODY_OFFICER,
    /** Reads everything, changes nothing: never a maker or a checker. */
    AUDITOR
}
