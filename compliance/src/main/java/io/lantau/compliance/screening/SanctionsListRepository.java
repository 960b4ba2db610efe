package io.lantau.compliance.screening;

import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The loaded sanctions lists ({@code sanctions_lists}, {@code sanctions_entries}, {@code sanctions_entry_names}):
 * every load is kept; the newest load of each source is the list in force. Thread-safe.
 */
final class SanctionsListRepository {
    private static final String INFO_COLUMNS = "id, source, version, sha256, entry_count, loaded_at, loaded_by";

    private final DataSource dataSource;

    SanctionsListRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a list with all its entries in one transaction. */
    SanctionsListInfo insert(SanctionsList list, Instant loadedAt, String loadedBy) {
        return Jdbc.inTransaction(dataSource, "store sanctions list", c -> {
            long listId;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO sanctions_lists (source, version, sha256, "
                    + "entry_count, loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, list.source());
                s.setString(2, list.version());
                s.setString(3, list.sha256());
                s.setInt(4, list.entries().size());
                Jdbc.setInstant(s, 5, loadedAt);
                s.setString(6, loadedBy);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    listId = keys.getLong(1);
                }
            }
            insertEntries(c, listId, list.entries());
            return new SanctionsListInfo(listId, list.source(), list.version(), list.sha256(),
                    list.entries().size(), loadedAt, loadedBy);
        });
    }

    private static void insertEntries(Connection c, long listId, List<SanctionsEntry> entries) throws SQLException {
        try (PreparedStatement e = c.prepareStatement("INSERT INTO sanctions_entries (list_id, data_id, position, "
                + "kind, reference_number, primary_name, list_type, listed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement n = c.prepareStatement("INSERT INTO sanctions_entry_names (list_id, data_id, "
                        + "position, name) VALUES (?, ?, ?, ?)")) {
            int entryPosition = 0;
            for (SanctionsEntry entry : entries) {
                e.setLong(1, listId);
                e.setString(2, entry.dataId());
                e.setInt(3, entryPosition++);
                e.setString(4, entry.kind().name());
                e.setString(5, entry.referenceNumber());
                e.setString(6, entry.primaryName());
                e.setString(7, entry.listType());
                e.setObject(8, entry.listedOn() == null ? null : Date.valueOf(entry.listedOn()));
                e.addBatch();
                int position = 0;
                for (String name : entry.otherNames()) {
                    n.setLong(1, listId);
                    n.setString(2, entry.dataId());
                    n.setInt(3, position++);
                    n.setString(4, name);
                    n.addBatch();
                }
            }
            e.executeBatch();
            n.executeBatch();
        }
    }

    /** @return the newest load of each source, by source. */
    List<SanctionsListInfo> inForce() {
        return infos("SELECT " + INFO_COLUMNS + " FROM sanctions_lists l WHERE l.id = "
                + "(SELECT MAX(x.id) FROM sanctions_lists x WHERE x.source = l.source) ORDER BY source");
    }

    /** @return every load, newest first. */
    List<SanctionsListInfo> history() {
        return infos("SELECT " + INFO_COLUMNS + " FROM sanctions_lists ORDER BY id DESC");
    }

    /** @return the stored list with its entries in file order. */
    SanctionsList read(SanctionsListInfo info) {
        Map<String, List<String>> others = new LinkedHashMap<>();
        List<SanctionsEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT data_id, name FROM sanctions_entry_names "
                    + "WHERE list_id = ? ORDER BY data_id, position")) {
                s.setLong(1, info.listId());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        others.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT data_id, kind, reference_number, primary_name, "
                    + "list_type, listed_on FROM sanctions_entries WHERE list_id = ? ORDER BY position")) {
                s.setLong(1, info.listId());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String dataId = rs.getString(1);
                        Date listedOn = rs.getDate(6);
                        LocalDate listed = listedOn == null ? null : listedOn.toLocalDate();
                        entries.add(new SanctionsEntry(dataId, SanctionsEntry.Kind.valueOf(rs.getString(2)),
                                rs.getString(3), rs.getString(4), others.getOrDefault(dataId, List.of()),
                                rs.getString(5), listed));
                    }
                }
            }
        } catch (SQLException e) {
            throw Sql.translate("read sanctions list", e);
        }
        return new SanctionsList(info.source(), info.version(), info.sha256(), entries);
    }

    private List<SanctionsListInfo> infos(String sql) {
        List<SanctionsListInfo> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new SanctionsListInfo(rs.getLong("id"), rs.getString("source"), rs.getString("version"),
                        rs.getString("sha256"), rs.getInt("entry_count"), Jdbc.getInstant(rs, "loaded_at"),
                        rs.getString("loaded_by")));
            }
        } catch (SQLException e) {
            throw Sql.translate("read sanctions lists", e);
        }
        return out;
    }
}
