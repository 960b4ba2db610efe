package io.lantau.custody.reconcile;

import io.lantau.custody.ledger.ChainAsset;
import io.lantau.custody.ledger.CustodyLedger;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * The chain custody ledger ({@link CustodyLedger}, custodyeth) as reconciliation reads it, in the books' minor units:
 * {@link #clientAssetsMinor} is the client-trust total (what the core must show) and {@link #onChain()} what the
 * platform's addresses must hold (client trust plus the house's float, fees and dust), both rounded down to whole
 * minor units as the chain holdings are.
 */
public final class LedgerCustodyBalances implements CustodyBalances {
    private final CustodyLedger ledger;
    private final List<ChainAsset> assets;

    public LedgerCustodyBalances(CustodyLedger ledger, List<ChainAsset> assets) {
        this.ledger = ledger;
        this.assets = List.copyOf(assets);
    }

    @Override
    public long clientAssetsMinor(int assetId) {
        ChainAsset a = asset(assetId);
        return floorMinor(a, ledger.clientTotal(a.chain()));
    }

    /** @return the expected on-chain figure: every entry of the asset's chain, client and house. */
    public CustodyBalances onChain() {
        return assetId -> {
            ChainAsset a = asset(assetId);
            return floorMinor(a, ledger.total(a.chain()));
        };
    }

    /** Rounds down, also below zero (the house may owe network fees it has not funded yet). */
    private static long floorMinor(ChainAsset a, BigInteger base) {
        return new BigDecimal(base).divide(new BigDecimal(a.units().basePerMinor()), 0, RoundingMode.FLOOR)
                .longValueExact();
    }

    private ChainAsset asset(int assetId) {
        return assets.stream().filter(a -> a.assetId() == assetId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no chain asset " + assetId));
    }
}
