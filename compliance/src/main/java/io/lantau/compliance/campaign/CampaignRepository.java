package io.lantau.compliance.campaign;

import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code campaigns} table. Thread-safe: every method borrows its own connection. */
final class CampaignRepository {
    private static final String COLUMNS = "campaign_id, name, reward_type, reward_asset, condition_type, "
            + "condition_asset, target_segment, created_by, created_at";

    private final DataSource dataSource;

    CampaignRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws io.lantau.store.DuplicateKeyException if the id is taken. */
    void insert(Campaign k) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO campaigns (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, k.campaignId());
            s.setString(2, k.name());
            s.setString(3, k.rewardType().name());
            s.setString(4, k.rewardAsset());
            s.setString(5, k.conditionType().name());
            s.setString(6, k.conditionAsset());
            s.setString(7, k.targetSegment().name());
            s.setString(8, k.createdBy());
            s.setObject(9, OffsetDateTime.ofInstant(k.createdAt(), ZoneOffset.UTC));
            s.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate("create campaign", e);
        }
    }

    Optional<Campaign> find(String campaignId) {
        return query("SELECT " + COLUMNS + " FROM campaigns WHERE campaign_id = ?", campaignId).stream().findFirst();
    }

    List<Campaign> all() {
        return query("SELECT " + COLUMNS + " FROM campaigns ORDER BY created_at, campaign_id", null);
    }

    private List<Campaign> query(String sql, String id) {
        List<Campaign> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setString(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Campaign(rs.getString(1), rs.getString(2), RewardType.valueOf(rs.getString(3)),
                            rs.getString(4), ConditionType.valueOf(rs.getString(5)), rs.getString(6),
                            TargetSegment.valueOf(rs.getString(7)), rs.getString(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw Sql.translate("read campaigns", e);
        }
        return out;
    }
}
