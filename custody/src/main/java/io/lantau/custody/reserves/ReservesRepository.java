package io.lantau.custody.reserves;

import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Published roots and the inclusion proofs of each client ({@code reserves_roots}, {@code reserves_proofs}, V18).
 * A root and all its proofs are written in one transaction: a root is never visible without its proofs. Thread-safe.
 */
public final class ReservesRepository {
    private static final String ROOT_COLUMNS = "id, root_json, published_at";
    private final DataSource dataSource;

    public ReservesRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the tree's root and every client's proof; @return the stored root. */
    public PublishedRoot save(MerkleSumTree tree, Instant publishedAt) {
        ReservesRoot root = tree.root();
        return Jdbc.inTransaction(dataSource, "publishing a reserves root", c -> {
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO reserves_roots (root_hash, snapshot_sequence,"
                    + " snapshot_time, published_at, tree_height, leaf_count, root_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                s.setString(1, root.rootHash());
                s.setLong(2, root.snapshotSequence());
                Jdbc.setInstant(s, 3, root.snapshotTime());
                Jdbc.setInstant(s, 4, publishedAt);
                s.setInt(5, root.treeHeight());
                s.setInt(6, root.leafCount());
                s.setString(7, ProofJson.writeRoot(root));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO reserves_proofs (root_id, account_id, proof_json) VALUES (?, ?, ?)")) {
                for (long accountId : tree.accountIds()) {
                    s.setLong(1, id);
                    s.setLong(2, accountId);
                    s.setString(3, ProofJson.write(tree.proofFor(accountId).orElseThrow()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return new PublishedRoot(id, root, publishedAt);
        });
    }

    /** @return the most recently published root, if any. */
    public Optional<PublishedRoot> latest() {
        return queryRoot("SELECT " + ROOT_COLUMNS + " FROM reserves_roots ORDER BY id DESC LIMIT 1", null);
    }

    /** @return the root published under {@code id}, if any. */
    public Optional<PublishedRoot> root(long id) {
        return queryRoot("SELECT " + ROOT_COLUMNS + " FROM reserves_roots WHERE id = ?", id);
    }

    /** @return the {@code PROOF.json} of {@code accountId}'s leaf under root {@code rootId}, if it has one. */
    public Optional<String> proofJson(long rootId, long accountId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT proof_json FROM reserves_proofs WHERE root_id = ? AND account_id = ?")) {
            s.setLong(1, rootId);
            s.setLong(2, accountId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.translate("reading a reserves proof", e);
        }
    }

    private Optional<PublishedRoot> queryRoot(String sql, Long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setLong(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PublishedRoot(rs.getLong("id"), ProofJson.readRoot(rs.getString("root_json")),
                        Jdbc.getInstant(rs, "published_at")));
            }
        } catch (SQLException e) {
            throw Sql.translate("reading a reserves root", e);
        }
    }
}
