package io.lantau.compliance.onboarding;

import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The access log (HK-23): the IP address, time, device identifier and geolocation of every login and every order or
 * withdrawal request, kept with the client's CDD file. Append-only: there is no update or delete. The gateway calls
 * {@link #record} before it acts on the request. Thread-safe.
 */
public final class AccessLog {
    /** The geolocation to give when the IP address cannot be placed. */
    public static final String UNKNOWN_COUNTRY = "XX";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_IP = 45;
    private static final int MAX_DEVICE = 128;
    private static final int MAX_REFERENCE = 64;
    private static final int MAX_QUERY = 1000;

    private final DataSource dataSource;
    private final Clock clock;

    public AccessLog(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Records one access, stamped with the clock's time.
     *
     * @param ip         the client's IP address (IPv4 or IPv6 text, up to 45 characters).
     * @param deviceId   the device identifier the client presents (up to 128 characters).
     * @param geoCountry ISO 3166-1 alpha-2 country the IP geolocates to, or {@link #UNKNOWN_COUNTRY}.
     * @param reference  the order, withdrawal or session the access concerns (up to 64 characters); may be null.
     * @return the record as stored.
     * @throws OnboardingException {@link OnboardingRefusal#INVALID_ACCESS_RECORD} (HK-23) if the action, IP, device
     *                             or geolocation is missing or malformed.
     */
    public AccessRecord record(long accountId, AccessAction action, String ip, String deviceId, String geoCountry,
            String reference) {
        if (action == null || blankOrLonger(ip, MAX_IP) || blankOrLonger(deviceId, MAX_DEVICE)
                || geoCountry == null || !(COUNTRIES.contains(geoCountry) || UNKNOWN_COUNTRY.equals(geoCountry))
                || (reference != null && reference.length() > MAX_REFERENCE)) {
            throw new OnboardingException(OnboardingRefusal.INVALID_ACCESS_RECORD,
                    "an access record needs an action, the IP address, a device id and a country code");
        }
        Instant at = clock.instant();
        String sql = "INSERT INTO access_log (account_id, action, ip, device_id, geo_country, reference, occurred_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, accountId);
            st.setString(2, action.name());
            st.setString(3, ip);
            st.setString(4, deviceId);
            st.setString(5, geoCountry);
            st.setString(6, reference);
            Jdbc.setInstant(st, 7, at);
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return new AccessRecord(keys.getLong(1), accountId, action, ip, deviceId, geoCountry, reference, at);
            }
        } catch (SQLException e) {
            throw Sql.translate("record access of account " + accountId, e);
        }
    }

    /**
     * One access to record with {@link #recordAll}: what {@link #record} takes, with the time it happened.
     *
     * @param reference may be null.
     */
    public record Access(long accountId, AccessAction action, String ip, String deviceId, String geoCountry,
            String reference, Instant at) {
    }

    /**
     * Records accesses queued by the gateway in one batch (one transaction); an access whose fields are malformed is
     * stored with them cut to their limits rather than lost, since the access did happen.
     */
    public void recordAll(List<Access> accesses) {
        if (accesses.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO access_log (account_id, action, ip, device_id, geo_country, reference, occurred_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                for (Access a : accesses) {
                    st.setLong(1, a.accountId());
                    st.setString(2, a.action().name());
                    st.setString(3, cut(a.ip(), MAX_IP));
                    st.setString(4, cut(a.deviceId(), MAX_DEVICE));
                    st.setString(5, a.geoCountry() != null && (COUNTRIES.contains(a.geoCountry())
                            || UNKNOWN_COUNTRY.equals(a.geoCountry())) ? a.geoCountry() : UNKNOWN_COUNTRY);
                    st.setString(6, a.reference() == null ? null : cut(a.reference(), MAX_REFERENCE));
                    Jdbc.setInstant(st, 7, a.at());
                    st.addBatch();
                }
                st.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw Sql.translate("record " + accesses.size() + " accesses", e);
        }
    }

    private static String cut(String value, int max) {
        if (value == null || value.isBlank()) {
            return "unknown";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }

    /**
     * @param limit at most this many, 1 to 1,000.
     * @return the account's access records, newest first.
     */
    public List<AccessRecord> byAccount(long accountId, int limit) {
        if (limit < 1 || limit > MAX_QUERY) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_QUERY);
        }
        String sql = "SELECT * FROM access_log WHERE account_id = ? ORDER BY id DESC LIMIT ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, accountId);
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                List<AccessRecord> records = new ArrayList<>();
                while (rs.next()) {
                    records.add(new AccessRecord(rs.getLong("id"), accountId,
                            AccessAction.valueOf(rs.getString("action")), rs.getString("ip"),
                            rs.getString("device_id"), rs.getString("geo_country"), rs.getString("reference"),
                            Jdbc.getInstant(rs, "occurred_at")));
                }
                return records;
            }
        } catch (SQLException e) {
            throw Sql.translate("read access log of account " + accountId, e);
        }
    }

    private static boolean blankOrLonger(String value, int max) {
        return value == null || value.isBlank() || value.length() > max;
    }
}
