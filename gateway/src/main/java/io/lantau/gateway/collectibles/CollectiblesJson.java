package io.lantau.gateway.collectibles;

import io.lantau.collectibles.Collection;
import io.lantau.collectibles.CollectiblesSettings;
import io.lantau.collectibles.Currencies;
import io.lantau.collectibles.DrawVerifier;
import io.lantau.collectibles.Drop;
import io.lantau.collectibles.DropResult;
import io.lantau.collectibles.ExportService;
import io.lantau.collectibles.Holding;
import io.lantau.collectibles.IpAuthorisation;
import io.lantau.collectibles.Issuer;
import io.lantau.collectibles.Item;
import io.lantau.collectibles.Listing;
import io.lantau.collectibles.Offer;
import io.lantau.collectibles.ProvenanceEntry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the collectibles endpoints; amounts as decimal strings in their currency's scale. */
final class CollectiblesJson {
    private final Currencies currencies;

    CollectiblesJson(Currencies currencies) {
        this.currencies = currencies;
    }

    String amount(String currency, long minor) {
        return currencies.byCode(currency).map(a -> a.toDecimal(minor).toPlainString()).orElse(Long.toString(minor));
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    static JsonObject rules(CollectiblesSettings s) {
        return new JsonObject().put("secondaryMarket", s.secondaryMarket())
                .put("exportToPublicChain", s.exportToPublicChain())
                .put("allowedCurrencies", new JsonArray(s.allowedCurrencies()))
                .put("forbiddenCategories", new JsonArray(s.forbiddenCategories()))
                .put("realNameRequired", s.realNameRequired()).put("buyerMinimumAgeYears", s.buyerMinimumAgeYears())
                .put("giftingAllowed", s.giftingAllowed()).put("giftHoldingDays", s.giftHoldingDays())
                .put("recipientHoldingDays", s.recipientHoldingDays())
                .put("recipientMinimumAgeYears", s.recipientMinimumAgeYears())
                .put("maxGiftsPerItem", s.maxGiftsPerItem()).put("platformFeeBps", s.platformFeeBps())
                .put("maxRoyaltyBps", s.maxRoyaltyBps());
    }

    static JsonObject issuer(Issuer i) {
        return new JsonObject().put("accountId", i.accountId()).put("displayName", i.displayName())
                .put("status", i.status().name()).put("createdAt", time(i.createdAt()));
    }

    static JsonObject authorisation(IpAuthorisation a) {
        return new JsonObject().put("id", a.id()).put("issuerAccountId", a.issuerAccountId())
                .put("workTitle", a.workTitle()).put("rightsHolder", a.rightsHolder())
                .put("licenceTerms", a.licenceTerms()).put("evidenceSha256", a.evidenceSha256())
                .put("status", a.status().name()).put("createdAt", time(a.createdAt()));
    }

    static JsonObject collection(Collection c) {
        return new JsonObject().put("id", c.id()).put("issuerAccountId", c.issuerAccountId()).put("name", c.name())
                .put("description", c.description()).put("category", c.category().name())
                .put("ipAuthorisationId", c.ipAuthorisationId()).put("royaltyBps", c.royaltyBps())
                .put("ipTransferred", false).put("createdAt", time(c.createdAt()));
    }

    static JsonObject item(Item i) {
        JsonObject json = new JsonObject().put("id", i.id()).put("collectionId", i.collectionId())
                .put("edition", i.edition()).put("title", i.title()).put("mediaSha256", i.mediaSha256())
                .put("mediaCid", i.mediaCid()).put("aiGenerated", i.aiGenerated());
        if (i.aiGenerated()) {
            json.put("aiLabel", i.label()).put("aiTool", i.aiTool()).put("aiCreator", i.aiCreator());
        }
        if (i.likenessRights() != null) {
            json.put("likenessRights", i.likenessRights());
        }
        return json.put("createdAt", time(i.createdAt()));
    }

    JsonObject holding(Holding h) {
        return new JsonObject().put("itemId", h.itemId()).put("ownerId", h.ownerId())
                .put("acquiredAt", time(h.acquiredAt())).put("acquiredHow", h.acquiredHow())
                .put("costCurrency", h.costCurrency()).put("cost", amount(h.costCurrency(), h.costMinor()))
                .put("gifts", h.gifts()).put("locked", h.lockReason()).put("viewOnly", false);
    }

    JsonArray provenance(List<ProvenanceEntry> entries) {
        JsonArray out = new JsonArray();
        for (ProvenanceEntry e : entries) {
            JsonObject json = new JsonObject().put("sequence", e.coreSequence()).put("kind", e.kind())
                    .put("from", e.fromAccount()).put("to", e.toAccount()).put("at", time(e.at()));
            if (e.priceMinor() != null) {
                json.put("currency", e.currency()).put("price", amount(e.currency(), e.priceMinor()));
            }
            out.add(json);
        }
        return out;
    }

    JsonObject drop(Drop d) {
        return new JsonObject().put("id", d.id()).put("collectionId", d.collectionId())
                .put("currency", d.currency()).put("price", amount(d.currency(), d.priceMinor()))
                .put("supply", d.supply()).put("perBuyerCap", d.perBuyerCap())
                .put("allowlistOnly", d.allowlistOnly()).put("startsAt", time(d.startsAt()))
                .put("endsAt", time(d.endsAt())).put("status", d.status())
                .put("seedCommitment", d.seedCommitment()).put("seed", d.revealedSeedHex())
                .put("drawnAt", time(d.drawnAt()));
    }

    JsonObject result(DropResult r) {
        JsonArray entries = new JsonArray();
        for (DrawVerifier.Entry e : r.entries()) {
            entries.add(new JsonObject().put("accountId", e.accountId()).put("quantity", e.quantity()));
        }
        JsonArray positions = new JsonArray();
        for (DropResult.Position p : r.positions()) {
            positions.add(new JsonObject().put("position", p.position()).put("accountId", p.accountId())
                    .put("itemId", p.itemId()).put("outcome", p.outcome()));
        }
        return new JsonObject().put("drop", drop(r.drop())).put("entries", entries).put("positions", positions)
                .put("algorithm", "lantau-draw-v1: tickets by account id; Fisher-Yates from the last ticket with"
                        + " indices from SHA-256(seed || 'lantau-draw' || counter) words, rejection-sampled;"
                        + " winners = first 'supply' tickets (io.lantau.collectibles.DrawVerifier)");
    }

    JsonObject listing(Listing l) {
        return new JsonObject().put("id", l.id()).put("itemId", l.itemId()).put("sellerId", l.sellerId())
                .put("currency", l.currency()).put("price", amount(l.currency(), l.priceMinor()))
                .put("status", l.status()).put("createdAt", time(l.createdAt()));
    }

    JsonObject offer(Offer o) {
        return new JsonObject().put("id", o.id()).put("itemId", o.itemId()).put("buyerId", o.buyerId())
                .put("currency", o.currency()).put("price", amount(o.currency(), o.priceMinor()))
                .put("status", o.status()).put("createdAt", time(o.createdAt()));
    }

    static JsonObject export(ExportService.Export e) {
        return new JsonObject().put("itemId", e.itemId()).put("toAddress", e.toAddress()).put("tx", e.mintTx())
                .put("status", e.status());
    }
}
