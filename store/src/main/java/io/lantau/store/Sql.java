package io.lantau.store;

import java.sql.SQLException;

/** Small JDBC helpers shared by the repositories. Stateless. */
public final class Sql {
    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    /** @return the exception to throw for {@code e}: a {@link DuplicateKeyException} for a unique violation. */
    public static StoreException translate(String what, SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return new DuplicateKeyException(what + ": duplicate key", e);
            }
        }
        return new StoreException(what, e);
    }
}
