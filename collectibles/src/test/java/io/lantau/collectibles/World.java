package io.lantau.collectibles;

import io.lantau.compliance.onboarding.DocumentCipher;
import io.lantau.compliance.onboarding.DocumentKind;
import io.lantau.compliance.onboarding.DocumentUpload;
import io.lantau.compliance.onboarding.IdentityDocumentType;
import io.lantau.compliance.onboarding.KycCase;
import io.lantau.compliance.onboarding.KycClearance;
import io.lantau.compliance.onboarding.KycIdentity;
import io.lantau.compliance.onboarding.KycSubmission;
import io.lantau.compliance.onboarding.OnboardingService;
import io.lantau.compliance.onboarding.OnboardingSettings;
import io.lantau.compliance.onboarding.ScreeningOutcome;
import io.lantau.compliance.profile.JurisdictionProfile;
import io.lantau.compliance.profile.ProfileLoader;
import io.lantau.compliance.suitability.CoreCommands;
import io.lantau.compliance.suitability.SuitabilityService;
import io.lantau.compliance.suitability.SuitabilitySettings;
import io.lantau.core.AccountKind;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Deposit;
import io.lantau.core.command.OpenAccount;
import io.lantau.core.config.Asset;
import io.lantau.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The collectibles services wired over a real core (behind {@link ClockedCoreSubmitter}), a migrated H2 store and
 * the real onboarding service for real-name verification, under one built-in profile. The suitability gates (a
 * trading concern) are off whatever the profile, so that an approved KYC case makes an account ACTIVE.
 */
final class World implements AutoCloseable {
    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    static final long STAFF = 900;
    static final long OFFICER = 901;
    static final long FEE_ACCOUNT = 1;

    final JurisdictionProfile profile;
    final CollectiblesSettings settings;
    final MovableClock clock = new MovableClock(START);
    final ClockedCoreSubmitter submitter = new ClockedCoreSubmitter(clock);
    final CoreCommands commands = new CoreCommands(submitter, Duration.ofSeconds(10));
    final Database database;
    final OnboardingService onboarding;
    final Identities identities;
    final MediaStore mediaStore;
    final WindDown windDown;
    final IssuerRegistry issuers;
    final Catalogue catalogue;
    final Currencies currencies;
    final Holdings holdings;
    final CoreItems core;
    final DropService drops;
    final Marketplace market;
    final GiftService gifts;
    final WindDownChoices windDownChoices;
    private final AtomicLong depositIds = new AtomicLong();

    World(String profileId, Path dir) {
        this(profileId, dir, Database.openH2(dir.resolve("db")));
    }

    /** @param database a new, empty store (H2 or PostgreSQL); migrated here, closed with the world. */
    World(String profileId, Path dir, Database database) {
        profile = ProfileLoader.standard().loadBuiltIn(profileId);
        settings = CollectiblesSettings.of(profile);
        this.database = database;
        OnboardingSettings onboardingSettings = profile.section("onboarding", OnboardingSettings.class);
        SuitabilitySettings noGates = ProfileLoader.standard().loadBuiltIn("CN_DIGITAL_COLLECTIBLES")
                .section("suitability", SuitabilitySettings.class);
        SuitabilityService suitability = new SuitabilityService(noGates, database.dataSource(), commands, clock,
                new KycClearance(onboardingSettings, database.dataSource()));
        onboarding = new OnboardingService(onboardingSettings, database.dataSource(), commands, new PlainCipher(),
                (account, identity) -> ScreeningOutcome.clear(), suitability, clock);
        identities = new OnboardingIdentities(onboarding);
        mediaStore = new MediaStore(dir.resolve("media"));
        windDown = new WindDown(database.dataSource(), clock);
        issuers = new IssuerRegistry(database.dataSource(), identities, mediaStore, clock);
        catalogue = new Catalogue(database.dataSource(), settings, issuers, mediaStore, windDown, clock);
        currencies = new Currencies(ClockedCoreSubmitter.CONFIG.assets(), settings);
        holdings = new Holdings(database.dataSource(), currencies);
        core = new CoreItems(submitter, Duration.ofSeconds(10), holdings, database.dataSource());
        drops = new DropService(database.dataSource(), settings, catalogue, currencies, identities, windDown, core,
                clock);
        market = new Marketplace(database.dataSource(), settings, catalogue, holdings, currencies, identities,
                windDown, core, clock);
        gifts = new GiftService(settings, holdings, identities, windDown, core, clock);
        windDownChoices = new WindDownChoices(database.dataSource(), catalogue, holdings, currencies, windDown, core,
                clock);
    }

    /** Opens the core account and registers it for onboarding, without KYC. */
    void client(long accountId) {
        expect(commands.send(new OpenAccount(accountId, AccountKind.CLIENT, 0)));
        onboarding.register(accountId);
    }

    /** A client whose KYC an officer approved, born on the date given. */
    void verifiedClient(long accountId, LocalDate born) {
        client(accountId);
        KycIdentity identity = new KycIdentity("Client " + accountId, born, IdentityDocumentType.PASSPORT,
                "P" + accountId, "HK", "HK", "1 Harbour Road, Wan Chai");
        KycCase kyc = onboarding.submitKyc(accountId, new KycSubmission(identity, List.of(new DocumentUpload(
                DocumentKind.ID_DOCUMENT_FRONT, "image/jpeg", ("id of " + accountId).getBytes(
                StandardCharsets.UTF_8)))));
        onboarding.approve(kyc.caseId(), OFFICER, "documents match");
    }

    void verifiedClient(long accountId) {
        verifiedClient(accountId, LocalDate.of(1990, 1, 1));
    }

    void deposit(long accountId, Asset asset, long amountMinor) {
        expect(commands.send(new Deposit(depositIds.incrementAndGet(), accountId, asset.assetId(), amountMinor)));
    }

    long available(long accountId, Asset asset) {
        synchronized (submitter) {
            return submitter.core().availableMinor(accountId, asset.assetId());
        }
    }

    long locked(long accountId, Asset asset) {
        synchronized (submitter) {
            return submitter.core().lockedMinor(accountId, asset.assetId());
        }
    }

    long coreOwner(long itemId) {
        synchronized (submitter) {
            return submitter.core().item(itemId).ownerAccountId();
        }
    }

    /** @return the core's state hash: equal before and after means the core did not change. */
    String coreState() {
        synchronized (submitter) {
            return submitter.core().stateHashHex();
        }
    }

    /** @return a drop of the whole collection at a price, open now for a day, to anyone. */
    Drop openDrop(long issuerId, Collection c, String currency, long priceMinor, int supply, int perBuyerCap) {
        return drops.create(issuerId, new DropService.NewDrop(c.id(), currency, priceMinor, supply, perBuyerCap,
                List.of(), clock.instant(), clock.instant().plus(Duration.ofDays(1))));
    }

    /** Sells each of the collection's items to one buyer through a drop (supply = items, cap = items). */
    DropResult sellAll(long issuerId, Collection c, String currency, long priceMinor, long buyerId) {
        int n = catalogue.items(c.id()).size();
        Drop drop = openDrop(issuerId, c, currency, priceMinor, n, n);
        drops.enter(buyerId, drop.id(), n);
        clock.advance(Duration.ofDays(1));
        return drops.draw(issuerId, false, drop.id());
    }

    /** A verified issuer with an approved IP authorisation, returning the authorisation's id. */
    long verifiedIssuer(long accountId) {
        verifiedClient(accountId);
        issuers.apply(accountId, "Studio " + accountId);
        issuers.decideIssuer(accountId, STAFF, true);
        ContentId evidence = catalogue.uploadMedia(accountId, "application/pdf",
                ("licence of " + accountId).getBytes(StandardCharsets.UTF_8));
        IpAuthorisation a = issuers.fileAuthorisation(accountId, "Harbour at dawn", "Studio " + accountId,
                "exclusive licence to issue digital collectibles, 2026-2030", evidence.sha256Hex());
        return issuers.decideAuthorisation(a.id(), STAFF, true).id();
    }

    /** A collection of {@code n} items (editions 1..n, distinct media) by a verified issuer. */
    Collection collectionWithItems(long issuerId, long authorisationId, Category category, int royaltyBps, int n) {
        Collection c = catalogue.createCollection(issuerId, "Harbour", "Views of the harbour", category,
                authorisationId, royaltyBps);
        for (int e = 1; e <= n; e++) {
            ContentId media = catalogue.uploadMedia(issuerId, "image/png",
                    ("harbour " + c.id() + " #" + e).getBytes(StandardCharsets.UTF_8));
            catalogue.createItem(issuerId, c.id(), new Catalogue.NewItem(e, "Harbour #" + e, media.sha256Hex(), 1,
                    false, null, null, category == Category.DIGITAL_HUMAN ? "likeness licence L-1" : null));
        }
        return c;
    }

    private static void expect(ResultCode code) {
        if (code != ResultCode.OK) {
            throw new IllegalStateException("core refused set-up: " + code);
        }
    }

    @Override
    public void close() {
        submitter.close();
        database.close();
    }

    /** No sealing: a test stand-in for the gateway's AES-GCM cipher. */
    private static final class PlainCipher implements DocumentCipher {
        @Override
        public byte[] encrypt(byte[] plaintext) {
            return plaintext.clone();
        }

        @Override
        public byte[] decrypt(byte[] ciphertext) {
            return ciphertext.clone();
        }
    }
}
