package io.lantau.compliance.audit;

import io.lantau.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Writes the audit records of a period in a readable form (HK-34: records readily convertible to written form), in
 * sequence order, with every stored field, hashes included, so that an export can be checked against the chain. Times
 * are ISO-8601 UTC instants to the nanosecond. Stateless and thread-safe.
 */
public final class AuditExport {
    private static final int FETCH_SIZE = 2_000;

    /** Export formats. */
    public enum Format {
        /** RFC 4180 CSV with a header line; {@code details} is a quoted field. */
        CSV,
        /** One JSON object per line; {@code details} is a string holding the stored JSON text exactly. */
        JSONL;

        /** @return the format named {@code csv} or {@code jsonl} (any case). */
        public static Format of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    private AuditExport() {
    }

    /**
     * @param from   first instant included.
     * @param to     first instant excluded.
     * @param format the output format.
     * @param out    where to write; flushed, not closed.
     * @return how many records were written.
     * @throws StoreException       if the store cannot be read.
     * @throws UncheckedIOException if {@code out} fails.
     */
    public static long export(DataSource dataSource, Instant from, Instant to, Format format, Writer out) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(AuditRows.SELECT_PERIOD)) {
                s.setFetchSize(FETCH_SIZE);
                s.setLong(1, AuditRecord.nanosOf(from));
                s.setLong(2, AuditRecord.nanosOf(to));
                long n = 0;
                if (format == Format.CSV) {
                    out.write("sequence,time,kind,actor,subject,details,previous_hash,hash\n");
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        AuditRecord r = AuditRows.read(rs);
                        out.write(format == Format.CSV ? csv(r) : jsonLine(r));
                        n++;
                    }
                }
                out.flush();
                return n;
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("export the audit trail", e);
        } catch (IOException e) {
            throw new UncheckedIOException("write the audit export", e);
        }
    }

    static String csv(AuditRecord r) {
        return r.sequence() + "," + r.time() + "," + csvField(r.kind()) + "," + csvField(r.actor()) + ","
                + csvField(r.subject()) + "," + csvField(r.details()) + "," + r.previousHash() + "," + r.hash() + "\n";
    }

    static String jsonLine(AuditRecord r) {
        return AuditDetails.builder().put("sequence", r.sequence()).put("time", r.time().toString())
                .put("kind", r.kind()).put("actor", r.actor()).put("subject", r.subject())
                .put("details", r.details()).put("previousHash", r.previousHash()).put("hash", r.hash()).build()
                + "\n";
    }

    private static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
