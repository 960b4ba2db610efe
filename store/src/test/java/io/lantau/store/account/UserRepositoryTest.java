package io.lantau.store.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.store.DuplicateKeyException;
import io.lantau.store.EngineTestBase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserRepositoryTest extends EngineTestBase {
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123456Z");
    private UserRepository users;

    @BeforeEach
    void setUp() {
        users = new UserRepository(database.dataSource());
    }

    @Test
    void shouldAssignIdsFromOneThousandWhenUsersCreated() {
        User first = users.create("alice@example.com", "argon2id$hash1", UserStatus.ACTIVE, NOW);
        User second = users.create("bob@example.com", "argon2id$hash2", UserStatus.ACTIVE, NOW);

        assertThat(first.id()).isGreaterThanOrEqualTo(1000);
        assertThat(second.id()).isGreaterThan(first.id());
    }

    @Test
    void shouldFindUserByIdWhenCreated() {
        User created = users.create("Alice@Example.com", "argon2id$hash", UserStatus.ACTIVE, NOW);

        assertThat(users.findById(created.id())).contains(created);
    }

    @Test
    void shouldFindUserByEmailInAnyCaseWhenCreated() {
        User created = users.create("Alice@Example.com", "argon2id$hash", UserStatus.ACTIVE, NOW);

        assertThat(users.findByEmail("alice@example.COM")).contains(created);
        assertThat(users.findByEmail("ALICE@EXAMPLE.COM").orElseThrow().email()).isEqualTo("Alice@Example.com");
    }

    @Test
    void shouldRejectUserWhenEmailTakenInAnotherCase() {
        users.create("alice@example.com", "h1", UserStatus.ACTIVE, NOW);

        assertThatThrownBy(() -> users.create("ALICE@example.com", "h2", UserStatus.ACTIVE, NOW))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void shouldFindNothingWhenUserUnknown() {
        assertThat(users.findById(424242)).isEmpty();
        assertThat(users.findByEmail("nobody@example.com")).isEmpty();
    }

    @Test
    void shouldChangeStatusAndPasswordHashWhenUpdated() {
        User created = users.create("carol@example.com", "old", UserStatus.ACTIVE, NOW);

        assertThat(users.updateStatus(created.id(), UserStatus.SUSPENDED)).isTrue();
        assertThat(users.updatePasswordHash(created.id(), "new")).isTrue();
        assertThat(users.updateStatus(999_999, UserStatus.CLOSED)).isFalse();

        User found = users.findById(created.id()).orElseThrow();
        assertThat(found.status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(found.passwordHash()).isEqualTo("new");
        assertThat(found.createdAt()).isEqualTo(NOW);
    }
}
