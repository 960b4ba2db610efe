package io.lantau.custody.reserves;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.store.Database;
import io.lantau.testsupport.PostgresServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Publishing stores the root with every client's proof, all or nothing (PoR-1, PoR-2); on H2 and on a private
 * PostgreSQL cluster, since the V18 migration and the queries must run on both.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Database.Engine.class)
class ReservesPublisherTest {
    private static final List<AssetUnit> ASSETS = MerkleSumTreeProperties.ASSETS;
    private static final Instant NOW = Instant.parse("2026-11-29T09:00:00Z");

    @Parameter
    Database.Engine engine;
    @TempDir
    Path dir;
    private Database database;
    private ReservesRepository repository;
    private final AtomicReference<LiabilitySnapshot> current = new AtomicReference<>();
    private ReservesPublisher publisher;

    @BeforeEach
    void open() {
        database = switch (engine) {
            case H2 -> Database.openH2(dir);
            case POSTGRESQL -> {
                PostgresServer server = PostgresServer.shared();
                yield Database.open(server.jdbcUrl(server.createDatabase()), PostgresServer.USER, "", 2);
            }
        };
        repository = new ReservesRepository(database.dataSource());
        publisher = new ReservesPublisher(current::get, repository, new Random(11), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @AfterAll
    static void stopPostgres() {
        PostgresServer.closeShared();
    }

    private static LiabilitySnapshot snapshot(long sequence, long... btcBalances) {
        List<ClientLiability> clients = new ArrayList<>();
        for (int i = 0; i < btcBalances.length; i++) {
            clients.add(new ClientLiability(100 + i, List.of(btcBalances[i], 0L, 5L)));
        }
        return new LiabilitySnapshot(sequence, NOW.minusSeconds(1), ASSETS, clients);
    }

    @Test
    void shouldStoreTheRootAndAProofForEveryClientThatVerifies() {
        current.set(snapshot(10, 1, 2, 3));

        PublishedRoot published = publisher.publish();

        assertThat(repository.latest()).contains(published);
        assertThat(published.publishedAt()).isEqualTo(NOW);
        assertThat(published.root().totalMinor("BTC")).isEqualTo(6);
        assertThat(published.root().snapshotSequence()).isEqualTo(10);
        for (long account = 100; account <= 102; account++) {
            String proof = repository.proofJson(published.id(), account).orElseThrow();
            ReservesVerification verification = ReservesVerifier.verify(proof, OptionalLong.of(account));
            assertThat(verification.verified()).as(verification.failure()).isTrue();
            assertThat(verification.proof().root()).isEqualTo(published.root());
        }
        assertThat(repository.proofJson(published.id(), 103)).isEmpty();
    }

    @Test
    void shouldKeepEarlierRootsWhenANewOneIsPublished() {
        current.set(snapshot(10, 1, 2, 3));
        PublishedRoot first = publisher.publish();
        current.set(snapshot(20, 4, 5));

        PublishedRoot second = publisher.publish();

        assertThat(repository.latest()).contains(second);
        assertThat(repository.root(first.id())).contains(first);
        assertThat(second.root().rootHash()).isNotEqualTo(first.root().rootHash());
        assertThat(repository.proofJson(first.id(), 102)).isPresent();
        assertThat(repository.proofJson(second.id(), 102)).isEmpty();
    }

    @Test
    void shouldStoreNothingWhenTheSnapshotHasANegativeBalance() {
        current.set(snapshot(10, 1, -2, 3));

        assertThatThrownBy(publisher::publish).isInstanceOf(ReservesException.class);
        assertThat(repository.latest()).isEmpty();
    }
}
