package io.lantau.store.account;

import java.time.Instant;

/**
 * A registered user.
 *
 * @param id           the user id, which is also the user's account id in the core (1000 and above).
 * @param email        as the user typed it; unique whatever its case.
 * @param passwordHash the gateway's password hash (algorithm and parameters inside the string), opaque here.
 */
public record User(long id, String email, String passwordHash, UserStatus status, Instant createdAt) {
}
