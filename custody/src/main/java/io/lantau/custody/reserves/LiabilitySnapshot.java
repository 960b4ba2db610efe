package io.lantau.custody.reserves;

import io.lantau.core.ExchangeCore;
import io.lantau.core.config.Asset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Client liabilities at one point of the core's history (PoR-1): every asset of the core, and for each client
 * account its available plus locked balance per asset.
 *
 * <p><b>Which accounts are liabilities:</b> every account the core holds except the fee account (the platform's fee
 * income, {@code CoreConfig#feeAccountId}) and the platform's own operator accounts the caller names (demo funding, the
 * collectibles treasury): what those hold is the platform's money, not money owed to clients. Client accounts with
 * zero balances are included too, so that every client can find their leaf.
 *
 * @param sequence the core's sequence number the balances are taken at ({@link ExchangeCore#lastSequence()}).
 * @param takenAt  the wall-clock time of the snapshot.
 */
public record LiabilitySnapshot(long sequence, Instant takenAt, List<AssetUnit> assets,
        List<ClientLiability> clients) {

    public LiabilitySnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        assets = List.copyOf(assets);
        clients = List.copyOf(clients);
    }

    /**
     * Reads the liabilities of a core that nobody changes meanwhile (the core is single-threaded: call this on its
     * thread or on a copy, such as one recovered from the journal).
     *
     * @param platformAccountIds the platform's own operator accounts, left out; the fee account is always left out.
     */
    public static LiabilitySnapshot fromCore(ExchangeCore core, Set<Long> platformAccountIds, Instant takenAt) {
        List<AssetUnit> assets = new ArrayList<>();
        for (Asset asset : core.config().assets()) {
            assets.add(new AssetUnit(asset.code(), asset.scale()));
        }
        List<ClientLiability> clients = new ArrayList<>();
        for (long accountId : core.accountIds()) {
            if (accountId == core.config().feeAccountId() || platformAccountIds.contains(accountId)) {
                continue;
            }
            List<Long> balances = new ArrayList<>(assets.size());
            for (int assetId = 0; assetId < assets.size(); assetId++) {
                balances.add(Math.addExact(core.availableMinor(accountId, assetId),
                        core.lockedMinor(accountId, assetId)));
            }
            clients.add(new ClientLiability(accountId, balances));
        }
        return new LiabilitySnapshot(core.lastSequence(), takenAt, assets, clients);
    }
}
