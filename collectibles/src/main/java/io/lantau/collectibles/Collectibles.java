package io.lantau.collectibles;

import io.lantau.collectibles.chain.Erc721Contract;
import io.lantau.compliance.profile.JurisdictionProfile;
import io.lantau.core.config.Asset;
import io.lantau.store.dispatch.CommandSubmitter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The collectibles services wired together over one store, one core submitter and one profile: what the platform
 * builds once and the API endpoints use.
 */
public record Collectibles(CollectiblesSettings settings, Currencies currencies, IssuerRegistry issuers,
        Catalogue catalogue, Holdings holdings, DropService drops, Marketplace market, GiftService gifts,
        WindDown windDown, WindDownChoices windDownChoices, ExportService exports) {

    /**
     * @param dataSource the migrated store (V20).
     * @param profile    the profile in force; its {@code collectibles} section sets every rule.
     * @param assets     the core's assets (a price's currency must be one of them and allowed by the profile).
     * @param identities who is real-name verified (the onboarding service's KYC).
     * @param addresses  the holders' withdrawal whitelists (for export).
     * @param submitter  the journaled core.
     * @param mediaDir   where the content-addressed media store keeps its files.
     * @param contract   the deployed ERC-721 contract, or null where there is no export.
     * @param clock      the wall clock (drop windows, records).
     */
    public static Collectibles create(DataSource dataSource, JurisdictionProfile profile, List<Asset> assets,
            Identities identities, AddressBook addresses, CommandSubmitter submitter, Path mediaDir,
            Erc721Contract contract, Clock clock) {
        CollectiblesSettings settings = CollectiblesSettings.of(profile);
        Currencies currencies = new Currencies(assets, settings);
        MediaStore media = new MediaStore(mediaDir);
        WindDown windDown = new WindDown(dataSource, clock);
        IssuerRegistry issuers = new IssuerRegistry(dataSource, identities, media, clock);
        Catalogue catalogue = new Catalogue(dataSource, settings, issuers, media, windDown, clock);
        Holdings holdings = new Holdings(dataSource, currencies);
        CoreItems core = new CoreItems(submitter, Duration.ofSeconds(10), holdings, dataSource);
        return new Collectibles(settings, currencies, issuers, catalogue, holdings,
                new DropService(dataSource, settings, catalogue, currencies, identities, windDown, core, clock),
                new Marketplace(dataSource, settings, catalogue, holdings, currencies, identities, windDown, core,
                        clock),
                new GiftService(settings, holdings, identities, windDown, core, clock), windDown,
                new WindDownChoices(dataSource, catalogue, holdings, currencies, windDown, core, clock),
                new ExportService(dataSource, settings, holdings, addresses, core,
                        settings.exportToPublicChain() ? contract : null, clock));
    }
}
