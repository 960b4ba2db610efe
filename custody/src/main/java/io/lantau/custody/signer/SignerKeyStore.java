package io.lantau.custody.signer;

import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/** The sealed hot keys at rest ({@code custody_signer_keys}), one per chain. Thread-safe; blocking (JDBC). */
public final class SignerKeyStore {
    private final DataSource dataSource;
    private final Clock clock;

    public SignerKeyStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Stores the chain's sealed key; @return false if the chain has one already (it is never replaced here). */
    public boolean put(String chain, SealedKey key) {
        return Jdbc.inTransaction(dataSource, "store a sealed key", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO custody_signer_keys (chain, address, sealed,"
                    + " created_at) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM custody_signer_keys WHERE"
                    + " chain = ?)")) {
                s.setString(1, chain);
                s.setString(2, key.address());
                s.setString(3, key.encode());
                Jdbc.setInstant(s, 4, clock.instant());
                s.setString(5, chain);
                return s.executeUpdate() == 1;
            }
        });
    }

    public Optional<SealedKey> find(String chain) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT sealed FROM custody_signer_keys WHERE chain = ?")) {
            s.setString(1, chain);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(SealedKey.decode(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.translate("read a sealed key", e);
        }
    }
}
