package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the audit trail's tables append-only in the database itself (HK-33: attempting to update or delete an audit
 * row fails). A Java migration because the two engines write triggers differently: PL/pgSQL functions on PostgreSQL,
 * a Java class ({@code io.lantau.compliance.audit.AuditAppendOnlyTrigger}) on H2. Both refuse every UPDATE, and every
 * DELETE except of {@code audit_log} records already covered by an {@code audit_anchors} row (a retention purge);
 * PostgreSQL also refuses TRUNCATE (H2 fires no trigger on TRUNCATE).
 *
 * <p>Flyway finds it beside the SQL migrations: package {@code db.migration} of location {@code classpath:db/migration}.
 */
public final class V3_1__Audit_append_only extends BaseJavaMigration {
    private static final String H2_TRIGGER = "io.lantau.compliance.audit.AuditAppendOnlyTrigger";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        try (Statement s = c.createStatement()) {
            if (product.contains("postgres")) {
                postgres(s);
            } else if (product.contains("h2")) {
                s.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log FOR EACH ROW CALL '"
                        + H2_TRIGGER + "'");
                s.execute("CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE, DELETE ON audit_anchors "
                        + "FOR EACH ROW CALL '" + H2_TRIGGER + "'");
            } else {
                throw new SQLException("no append-only triggers for database " + product);
            }
        }
    }

    private static void postgres(Statement s) throws SQLException {
        s.execute("""
                CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE'
                            AND OLD.seq <= (SELECT COALESCE(MAX(through_seq), 0) FROM audit_anchors) THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'the audit trail is append-only: % of record % refused', TG_OP, OLD.seq
                        USING ERRCODE = 'integrity_constraint_violation';
                END
                $$""");
        s.execute("""
                CREATE FUNCTION audit_refuse_statement() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
                        USING ERRCODE = 'integrity_constraint_violation';
                END
                $$""");
        s.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
                + "FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()");
        s.execute("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
                + "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement()");
        s.execute("CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE OR DELETE ON audit_anchors "
                + "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement()");
        s.execute("CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors "
                + "FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement()");
    }
}
