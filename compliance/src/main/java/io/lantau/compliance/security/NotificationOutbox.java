package io.lantau.compliance.security;

import io.lantau.store.Jdbc;
import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The outbox of account notifications (HK-30, VATP 12.12(e): a notice of each login and account change over a channel
 * other than the login channel). The native API queues an {@code EMAIL} message here when a session opens and when
 * TOTP is enabled; a sender (not built yet: no real e-mail) takes {@link #unsent} and marks each {@link #markSent}.
 * Thread-safe; blocking (JDBC).
 */
public final class NotificationOutbox {
    /** The channel the messages are for: never the browser or API channel a sign-in uses. */
    public static final String EMAIL = "EMAIL";
    private static final String COLUMNS = "id, user_id, kind, channel, recipient, subject, body, created_at, sent_at";

    private final DataSource dataSource;

    public NotificationOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues an e-mail to {@code recipient}. @return the outbox id. */
    public long queueEmail(long userId, String kind, String recipient, String subject, String body, Instant at) {
        String sql = "INSERT INTO security_notifications (user_id, kind, channel, recipient, subject, body, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, userId);
            s.setString(2, kind);
            s.setString(3, EMAIL);
            s.setString(4, recipient);
            s.setString(5, subject);
            s.setString(6, body);
            Jdbc.setInstant(s, 7, at);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("queue notification", e);
        }
    }

    /** @return up to {@code limit} messages not yet sent, oldest first. */
    public List<SecurityNotification> unsent(int limit) {
        return query("SELECT " + COLUMNS + " FROM security_notifications WHERE sent_at IS NULL ORDER BY id LIMIT ?",
                s -> s.setInt(1, limit));
    }

    /** @return a user's messages, oldest first (at most 1,000). */
    public List<SecurityNotification> ofUser(long userId) {
        return query("SELECT " + COLUMNS + " FROM security_notifications WHERE user_id = ? ORDER BY id LIMIT ?",
                s -> {
                    s.setLong(1, userId);
                    s.setInt(2, 1_000);
                });
    }

    /** Marks a message delivered. @return whether it was waiting. */
    public boolean markSent(long id, Instant at) {
        String sql = "UPDATE security_notifications SET sent_at = ? WHERE id = ? AND sent_at IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.setInstant(s, 1, at);
            s.setLong(2, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("mark notification sent", e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<SecurityNotification> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            List<SecurityNotification> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new SecurityNotification(rs.getLong("id"), rs.getLong("user_id"), rs.getString("kind"),
                            rs.getString("channel"), rs.getString("recipient"), rs.getString("subject"),
                            rs.getString("body"), Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "sent_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("read notifications", e);
        }
    }
}
