package io.lantau.compliance.security;

import java.util.Set;

/**
 * A user who holds at least one staff role.
 *
 * @param userId the user (and core account) id.
 * @param email  the user's email address.
 * @param roles  the roles held; never empty.
 */
public record StaffMember(long userId, String email, Set<StaffRole> roles) {
    public StaffMember {
        roles = Set.copyOf(roles);
    }
}
