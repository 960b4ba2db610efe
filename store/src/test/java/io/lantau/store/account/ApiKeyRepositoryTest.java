package io.lantau.store.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.store.DuplicateKeyException;
import io.lantau.store.EngineTestBase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyRepositoryTest extends EngineTestBase {
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    private ApiKeyRepository keys;
    private long alice;
    private long bob;

    @BeforeEach
    void setUp() {
        UserRepository users = new UserRepository(database.dataSource());
        alice = users.create("alice@example.com", "h", UserStatus.ACTIVE, NOW).id();
        bob = users.create("bob@example.com", "h", UserStatus.ACTIVE, NOW).id();
        keys = new ApiKeyRepository(database.dataSource());
    }

    @Test
    void shouldFindActiveHmacKeyWithItsCiphertextWhenCreated() {
        ApiKey created = keys.create(hmac(alice, "key-A", "10.0.0.0/8,192.168.1.7"));

        ApiKey found = keys.findActive("key-A").orElseThrow();
        assertThat(found.id()).isEqualTo(created.id());
        assertThat(found.userId()).isEqualTo(alice);
        assertThat(found.keyType()).isEqualTo(ApiKeyType.HMAC_SHA256);
        assertThat(found.secretCiphertext()).containsExactly(1, 2, 3, (byte) 0xff);
        assertThat(found.ed25519PublicKey()).isNull();
        assertThat(found.permissions()).isEqualTo(ApiKeyPermissions.TRADING);
        assertThat(found.ipAllowlist()).isEqualTo("10.0.0.0/8,192.168.1.7");
        assertThat(found.label()).isEqualTo("bot");
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.isActive()).isTrue();
    }

    @Test
    void shouldStorePublicKeyAndNoSecretWhenEd25519KeyCreated() {
        byte[] publicKey = new byte[32];
        publicKey[31] = 7;
        keys.create(new NewApiKey(alice, "key-E", ApiKeyType.ED25519, null, publicKey,
                new ApiKeyPermissions(true, false, true), null, "ed", NOW));

        ApiKey found = keys.findActive("key-E").orElseThrow();
        assertThat(found.ed25519PublicKey()).isEqualTo(publicKey);
        assertThat(found.secretCiphertext()).isNull();
        assertThat(found.ipAllowlist()).isNull();
        assertThat(found.permissions().canWithdraw()).isTrue();
    }

    @Test
    void shouldRejectKeyWhenApiKeyStringTaken() {
        keys.create(hmac(alice, "key-A", null));

        assertThatThrownBy(() -> keys.create(hmac(bob, "key-A", null))).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void shouldListOnlyTheUsersKeysOldestFirstWhenListed() {
        ApiKey a1 = keys.create(hmac(alice, "a1", null));
        keys.create(hmac(bob, "b1", null));
        ApiKey a2 = keys.create(hmac(alice, "a2", null));

        assertThat(keys.listByUser(alice)).extracting(ApiKey::id).containsExactly(a1.id(), a2.id());
    }

    @Test
    void shouldNotFindKeyWhenRevokedByItsOwner() {
        ApiKey key = keys.create(hmac(alice, "key-A", null));

        assertThat(keys.revoke(alice, key.id(), NOW.plusSeconds(60))).isTrue();

        assertThat(keys.findActive("key-A")).isEmpty();
        assertThat(keys.listByUser(alice)).singleElement()
                .satisfies(k -> assertThat(k.revokedAt()).isEqualTo(NOW.plusSeconds(60)));
        assertThat(keys.revoke(alice, key.id(), NOW.plusSeconds(120))).isFalse();
    }

    @Test
    void shouldRefuseRevocationWhenKeyBelongsToAnotherUser() {
        ApiKey key = keys.create(hmac(alice, "key-A", null));

        assertThat(keys.revoke(bob, key.id(), NOW)).isFalse();

        assertThat(keys.findActive("key-A")).isPresent();
    }

    private static NewApiKey hmac(long userId, String apiKey, String allowlist) {
        return new NewApiKey(userId, apiKey, ApiKeyType.HMAC_SHA256, new byte[] {1, 2, 3, (byte) 0xff}, null,
                ApiKeyPermissions.TRADING, allowlist, "bot", NOW);
    }
}
