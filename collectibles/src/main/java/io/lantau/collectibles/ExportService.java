package io.lantau.collectibles;

import io.lantau.collectibles.chain.Erc721Contract;
import io.lantau.core.ItemLockPurpose;
import io.lantau.core.command.LockItem;
import io.lantau.core.command.UnlockItem;
import io.lantau.store.Jdbc;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Export of an item to a public chain as an ERC-721 token and its return, where the profile allows it (never under
 * the mainland profile: CN-07). Export locks the item in the core for EXPORT first, then mints token {@code id =
 * item id} to the holder's whitelisted address (or, if the token came back before, sends it out again from the
 * platform's address), so nothing is ever minted twice; a chain failure unlocks the item again. A token transferred
 * back to the platform's address from an address the holder whitelisted unlocks the item ({@link #scanReturns}).
 * Exports are serialised (one platform nonce sequence). Thread-safe.
 */
public final class ExportService {
    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);

    private final DataSource dataSource;
    private final CollectiblesSettings settings;
    private final Holdings holdings;
    private final AddressBook addresses;
    private final CoreItems core;
    private final Erc721Contract contract;
    private final Clock clock;
    private BigInteger scannedTo = BigInteger.ZERO;

    /** @param contract the deployed contract; null where the profile has no export (every call is refused). */
    public ExportService(DataSource dataSource, CollectiblesSettings settings, Holdings holdings,
            AddressBook addresses, CoreItems core, Erc721Contract contract, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.settings = Objects.requireNonNull(settings);
        this.holdings = Objects.requireNonNull(holdings);
        this.addresses = Objects.requireNonNull(addresses);
        this.core = Objects.requireNonNull(core);
        this.contract = contract;
        this.clock = Objects.requireNonNull(clock);
    }

    /** An item on chain (or back): where it went and by which transaction. */
    public record Export(long itemId, long accountId, String toAddress, String mintTx, String status) {
    }

    /**
     * Withdraws the holder's item to its whitelisted address. Refusals: export disabled (CN-07), not the holder,
     * locked, address not whitelisted, chain failure (the item is unlocked again).
     */
    public synchronized Export export(long accountId, long itemId, String toAddress) {
        if (!settings.exportToPublicChain() || contract == null) {
            throw new CollectiblesException(CollectiblesRefusal.FEATURE_DISABLED_IN_JURISDICTION,
                    "no export to a public chain (CN-07)");
        }
        Holding h = holdings.requireOwner(accountId, itemId);
        if (h.lockReason() != null) {
            throw new CollectiblesException(CollectiblesRefusal.ITEM_LOCKED);
        }
        if (toAddress == null || !toAddress.matches("0x[0-9a-fA-F]{40}") || !addresses.whitelisted(accountId,
                toAddress)) {
            throw new CollectiblesException(CollectiblesRefusal.ADDRESS_NOT_WHITELISTED);
        }
        core.sendOrRefuse(new LockItem(itemId, accountId, ItemLockPurpose.EXPORT));
        BigInteger tokenId = BigInteger.valueOf(itemId);
        Optional<String> onChainOwner;
        String tx;
        try {
            onChainOwner = contract.ownerOf(tokenId);
            if (onChainOwner.isEmpty()) {
                tx = contract.mint(toAddress, tokenId);
            } else if (onChainOwner.get().equalsIgnoreCase(contract.platformAddress())) {
                tx = contract.transferFromSigner(toAddress, tokenId);
            } else {
                tx = null;
            }
        } catch (Erc721Contract.ChainException e) {
            if (landed(tokenId, toAddress)) {
                // The transaction went through although its receipt did not reach us: the item is out.
                record(itemId, accountId, toAddress, null, "ON_CHAIN");
                return export(itemId).orElseThrow();
            }
            core.send(new UnlockItem(itemId, accountId));
            LOG.warn("export of item {} failed on chain: {}", itemId, e.getMessage());
            throw new CollectiblesException(CollectiblesRefusal.CHAIN_UNAVAILABLE);
        }
        if (tx == null) {
            // Already out under an earlier export whose answer was lost: it stays locked where the chain says it is.
            record(itemId, accountId, onChainOwner.get(), null, "ON_CHAIN");
            if (!onChainOwner.get().equalsIgnoreCase(toAddress)) {
                throw new CollectiblesException(CollectiblesRefusal.ALREADY_EXPORTED);
            }
            return export(itemId).orElseThrow();
        }
        record(itemId, accountId, toAddress, tx, "ON_CHAIN");
        return export(itemId).orElseThrow();
    }

    /**
     * Looks for tokens transferred back to the platform's address since the last scan; for each exported item that
     * came back from an address its holder whitelisted, unlocks the item. A token returned from elsewhere stays
     * locked (it may have changed hands on chain) and is logged for staff.
     *
     * @return how many items were unlocked.
     */
    public synchronized int scanReturns() {
        if (contract == null) {
            return 0;
        }
        int unlocked = 0;
        for (Erc721Contract.Returned r : contract.returnsSince(scannedTo)) {
            scannedTo = scannedTo.max(r.blockNumber());
            long itemId = r.tokenId().longValueExact();
            Optional<Export> e = export(itemId).filter(x -> "ON_CHAIN".equals(x.status()));
            if (e.isEmpty()) {
                continue;
            }
            if (!addresses.whitelisted(e.get().accountId(), r.from())) {
                LOG.warn("item {} came back from {}, not on its holder's whitelist: left locked", itemId, r.from());
                continue;
            }
            core.sendOrRefuse(new UnlockItem(itemId, e.get().accountId()));
            record(itemId, e.get().accountId(), e.get().toAddress(), e.get().mintTx(), "RETURNED");
            unlocked++;
        }
        return unlocked;
    }

    private boolean landed(BigInteger tokenId, String toAddress) {
        try {
            return contract.ownerOf(tokenId).map(o -> o.equalsIgnoreCase(toAddress)).orElse(false);
        } catch (Erc721Contract.ChainException e) {
            return false; // cannot tell: unlock, and a later export finds the token where it is
        }
    }

    /** @return the item's export record, if it was ever exported. */
    public Optional<Export> export(long itemId) {
        return Jdbc.inTransaction(dataSource, "read export", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM coll_exports WHERE item_id = ?")) {
                s.setLong(1, itemId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Export(itemId, rs.getLong("account_id"),
                            rs.getString("to_address"), rs.getString("mint_tx"), rs.getString("status")))
                            : Optional.<Export>empty();
                }
            }
        });
    }

    private void record(long itemId, long accountId, String toAddress, String tx, String status) {
        Jdbc.inTransaction(dataSource, "record export", c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM coll_exports WHERE item_id = ?")) {
                d.setLong(1, itemId);
                d.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO coll_exports (item_id, account_id,"
                    + " to_address, mint_tx, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, itemId);
                s.setLong(2, accountId);
                s.setString(3, toAddress);
                s.setString(4, tx);
                s.setString(5, status);
                Jdbc.setInstant(s, 6, clock.instant());
                return s.executeUpdate();
            }
        });
    }
}
