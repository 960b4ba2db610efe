package io.lantau.custody.fiat;

import io.lantau.core.config.Asset;
import io.lantau.custody.reconcile.CustodyBalances;
import java.util.List;

/**
 * The custody side of the fiat reconciliation (HK-33): what the client-money bank account holds for clients per
 * currency by the fiat records, credited payments minus settled withdrawals. Held payments are not client money
 * (they are returned). The core's ledger must show the same.
 */
public final class FiatCustodyBalances implements CustodyBalances {
    private final FiatDeposits deposits;
    private final FiatWithdrawals withdrawals;
    private final List<Asset> assets;

    public FiatCustodyBalances(FiatDeposits deposits, FiatWithdrawals withdrawals, List<Asset> assets) {
        this.deposits = deposits;
        this.withdrawals = withdrawals;
        this.assets = List.copyOf(assets);
    }

    @Override
    public long clientAssetsMinor(int assetId) {
        Asset asset = assets.stream().filter(a -> a.assetId() == assetId && a.fiat()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a fiat asset: " + assetId));
        return Math.subtractExact(deposits.creditedMinor(asset.code()), withdrawals.settledMinor(asset.code()));
    }
}
