package io.lantau.collectibles;

import io.lantau.core.config.Asset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The currencies a price may name: the core's assets, restricted to the profile's allowed list (CN-04: only CNY
 * under the mainland profile, which needs a CNY asset in the core's configuration). Immutable.
 */
public final class Currencies {
    private final Map<String, Asset> byCode = new HashMap<>();
    private final Map<Integer, Asset> byId = new HashMap<>();
    private final CollectiblesSettings settings;

    public Currencies(List<Asset> assets, CollectiblesSettings settings) {
        for (Asset a : assets) {
            byCode.put(a.code(), a);
            byId.put(a.assetId(), a);
        }
        this.settings = settings;
    }

    /**
     * @return the asset for a price in {@code code}.
     * @throws CollectiblesException CURRENCY_NOT_ALLOWED if the profile does not allow it (CN-04) or the core has no
     *                               such asset.
     */
    public Asset priceAsset(String code) {
        Asset asset = code == null ? null : byCode.get(code);
        if (asset == null || !settings.allowsCurrency(code)) {
            throw new CollectiblesException(CollectiblesRefusal.CURRENCY_NOT_ALLOWED, code);
        }
        return asset;
    }

    /** @return the asset with that core id, if any. */
    public Optional<Asset> byId(int assetId) {
        return Optional.ofNullable(byId.get(assetId));
    }

    /** @return the asset with that code, allowed or not (for showing amounts). */
    public Optional<Asset> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
