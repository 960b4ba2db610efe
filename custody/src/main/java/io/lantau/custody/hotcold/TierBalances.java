package io.lantau.custody.hotcold;

import io.lantau.custody.reconcile.CustodyBalances;
import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The custody ledger of client assets per tier (HK-16, table {@code custody_tier_balances}): deposits arrive hot,
 * sweeps move hot to cold, approved top-ups move cold to hot, withdrawals leave from hot. A tier never goes negative
 * (a debit beyond it is refused). Its hot plus cold total is the custody side of the reconciliation. Thread-safe:
 * each change is one transaction that locks the rows it changes.
 */
public final class TierBalances implements CustodyBalances {
    private final DataSource dataSource;

    public TierBalances(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return what the tier holds of the asset. */
    public long balance(int assetId, WalletTier tier) {
        try (Connection c = dataSource.getConnection()) {
            return balance(c, assetId, tier, false);
        } catch (SQLException e) {
            throw Sql.translate("read the " + tier + " balance", e);
        }
    }

    @Override
    public long clientAssetsMinor(int assetId) {
        return Math.addExact(balance(assetId, WalletTier.HOT), balance(assetId, WalletTier.COLD));
    }

    /** Adds to a tier (a confirmed deposit arrives hot). */
    public void credit(int assetId, WalletTier tier, long amountMinor) {
        requirePositive(amountMinor);
        Jdbc.inTransaction(dataSource, "credit the " + tier + " tier", c -> {
            add(c, assetId, tier, amountMinor);
            return null;
        });
    }

    /**
     * Takes from a tier (a withdrawal paid out of the hot wallet).
     *
     * @throws HotColdException {@code INSUFFICIENT_TIER_BALANCE} if the tier holds less.
     */
    public void debit(int assetId, WalletTier tier, long amountMinor) {
        requirePositive(amountMinor);
        Jdbc.inTransaction(dataSource, "debit the " + tier + " tier", c -> {
            add(c, assetId, tier, -amountMinor);
            return null;
        });
    }

    /** Moves between tiers in one transaction (a confirmed sweep, an executed top-up). */
    public void move(int assetId, WalletTier from, WalletTier to, long amountMinor) {
        Jdbc.inTransaction(dataSource, "move " + from + " to " + to, c -> {
            move(c, assetId, from, to, amountMinor);
            return null;
        });
    }

    /** {@link #move} inside the caller's transaction (an approval handler's, a confirmed sweep's). */
    public void move(Connection c, int assetId, WalletTier from, WalletTier to, long amountMinor) throws SQLException {
        requirePositive(amountMinor);
        add(c, assetId, from, -amountMinor);
        add(c, assetId, to, amountMinor);
    }

    static long balance(Connection c, int assetId, WalletTier tier, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT amount_minor FROM custody_tier_balances"
                + " WHERE asset_id = ? AND tier = ?" + (lock ? " FOR UPDATE" : ""))) {
            s.setInt(1, assetId);
            s.setString(2, tier.name());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void add(Connection c, int assetId, WalletTier tier, long deltaMinor) throws SQLException {
        long current = balance(c, assetId, tier, true);
        long next = Math.addExact(current, deltaMinor);
        if (next < 0) {
            throw new HotColdException(HotColdRefusal.INSUFFICIENT_TIER_BALANCE,
                    tier + " holds " + current + " of asset " + assetId);
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE custody_tier_balances SET amount_minor = ?"
                + " WHERE asset_id = ? AND tier = ?")) {
            s.setLong(1, next);
            s.setInt(2, assetId);
            s.setString(3, tier.name());
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO custody_tier_balances (asset_id, tier,"
                + " amount_minor) VALUES (?, ?, ?)")) {
            s.setInt(1, assetId);
            s.setString(2, tier.name());
            s.setLong(3, next);
            s.executeUpdate();
        }
    }

    private static void requirePositive(long amountMinor) {
        if (amountMinor <= 0) {
            throw new HotColdException(HotColdRefusal.INVALID_AMOUNT, null);
        }
    }
}
