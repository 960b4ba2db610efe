package io.lantau.store.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.store.EngineTestBase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionRepositoryTest extends EngineTestBase {
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    private static final Duration TTL = Duration.ofHours(12);
    private SessionRepository sessions;
    private long alice;

    @BeforeEach
    void setUp() {
        alice = new UserRepository(database.dataSource()).create("alice@example.com", "h", UserStatus.ACTIVE, NOW)
                .id();
        sessions = new SessionRepository(database.dataSource());
    }

    @Test
    void shouldFindSessionWhenLive() {
        Session session = session("s1");
        sessions.create(session);

        assertThat(sessions.findLive("s1", NOW.plusSeconds(1))).contains(session);
    }

    @Test
    void shouldNotFindSessionWhenExpired() {
        sessions.create(session("s1"));

        assertThat(sessions.findLive("s1", NOW.plus(TTL))).isEmpty();
    }

    @Test
    void shouldSlideExpiryWhenTouched() {
        sessions.create(session("s1"));
        Instant later = NOW.plus(Duration.ofHours(11));

        assertThat(sessions.touch("s1", later, later.plus(TTL))).isTrue();

        Session found = sessions.findLive("s1", NOW.plus(TTL).plusSeconds(1)).orElseThrow();
        assertThat(found.lastSeenAt()).isEqualTo(later);
        assertThat(found.expiresAt()).isEqualTo(later.plus(TTL));
    }

    @Test
    void shouldRefuseTouchWhenExpired() {
        sessions.create(session("s1"));

        assertThat(sessions.touch("s1", NOW.plus(TTL), NOW.plus(TTL).plus(TTL))).isFalse();
    }

    @Test
    void shouldEndSessionsWhenDeleted() {
        sessions.create(session("s1"));
        sessions.create(session("s2"));
        sessions.create(session("s3"));

        assertThat(sessions.delete("s1")).isTrue();
        assertThat(sessions.delete("s1")).isFalse();
        assertThat(sessions.deleteAllOfUser(alice)).isEqualTo(2);
        assertThat(sessions.findLive("s2", NOW)).isEmpty();
    }

    @Test
    void shouldRemoveOnlyExpiredSessionsWhenSwept() {
        sessions.create(session("old"));
        sessions.create(new Session("new", alice, "csrf", NOW, NOW, NOW.plus(TTL).plus(TTL)));

        assertThat(sessions.deleteExpired(NOW.plus(TTL))).isEqualTo(1);
        assertThat(sessions.findLive("new", NOW.plus(TTL))).isPresent();
    }

    private Session session(String id) {
        return new Session(id, alice, "csrf-" + id, NOW, NOW, NOW.plus(TTL));
    }
}
