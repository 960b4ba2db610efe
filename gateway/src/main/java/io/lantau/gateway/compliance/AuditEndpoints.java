package io.lantau.gateway.compliance;

import io.lantau.compliance.audit.AuditExport;
import io.lantau.compliance.audit.AuditTrail;
import io.lantau.compliance.audit.AuditVerification;
import io.lantau.compliance.audit.AuditVerifier;
import io.lantau.gateway.nativeapi.EndpointGroup;
import io.lantau.gateway.nativeapi.NativeError;
import io.lantau.gateway.nativeapi.NativeException;
import io.lantau.gateway.nativeapi.NativeRequest;
import io.lantau.gateway.nativeapi.NativeRoutes;
import io.lantau.gateway.nativeapi.NativeRoutes.Access;
import io.lantau.gateway.nativeapi.Reply;
import io.lantau.gateway.nativeapi.StaffAccess;
import io.lantau.store.account.Session;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.Writer;
import java.time.Instant;
import java.util.Objects;

/**
 * The tamper-evident audit trail for staff (HK-33, HK-34); any staff role, auditors included, reads it.
 *
 * <table>
 * <caption>Endpoints</caption>
 * <tr><td>{@code GET /staff/audit/verify}</td><td>200 {@code {ok, recordsChecked, firstSequence, headSequence,
 * headHash, brokenSequence?, problem?, message}}: a broken chain names its first broken record</td></tr>
 * <tr><td>{@code GET /staff/audit/export?from=&to=} (ISO-8601 instants, {@code to} excluded)</td><td>200
 * {@code {from, to, count, records}}, each record with every stored field and its hashes</td></tr>
 * </table>
 */
public final class AuditEndpoints implements EndpointGroup {
    /** The most characters one export answer carries; a longer period is refused with EXPORT_TOO_LARGE. */
    static final int MAX_EXPORT_CHARS = 8 * 1024 * 1024;

    private final AuditTrail trail;
    private final StaffAccess access;

    public AuditEndpoints(AuditTrail trail, StaffAccess access) {
        this.trail = Objects.requireNonNull(trail);
        this.access = Objects.requireNonNull(access);
    }

    @Override
    public void register(NativeRoutes nativeRoutes) {
        ComplianceRoutes routes = new ComplianceRoutes(nativeRoutes);
        routes.add(HttpMethod.GET, "/staff/audit/verify", Access.SESSION, this::verify);
        routes.add(HttpMethod.GET, "/staff/audit/export", Access.SESSION, this::export);
    }

    Reply verify(NativeRequest request, Session session) {
        access.require(session, false);
        AuditVerification v = AuditVerifier.verify(trail.dataSource());
        JsonObject json = new JsonObject().put("ok", v.ok()).put("recordsChecked", v.recordsChecked())
                .put("firstSequence", v.firstSequence()).put("headSequence", v.headSequence())
                .put("headHash", v.headHash()).put("message", v.message());
        if (!v.ok()) {
            json.put("brokenSequence", v.brokenSequence()).put("problem", v.problem().name());
        }
        return Reply.ok(json);
    }

    Reply export(NativeRequest request, Session session) {
        access.require(session, false);
        Instant from = Inputs.queryInstant(request, "from");
        Instant to = Inputs.queryInstant(request, "to");
        if (!from.isBefore(to)) {
            throw new NativeException(NativeError.INVALID_VALUE, "from must be before to");
        }
        BoundedWriter out = new BoundedWriter();
        long count;
        try {
            count = AuditExport.export(trail.dataSource(), from, to, AuditExport.Format.JSONL, out);
        } catch (ExportTooLarge e) {
            throw new NativeException(ComplianceError.EXPORT_TOO_LARGE);
        }
        JsonArray records = new JsonArray();
        out.text.toString().lines().forEach(line -> records.add(new JsonObject(line)));
        return Reply.ok(new JsonObject().put("from", from.toString()).put("to", to.toString()).put("count", count)
                .put("records", records));
    }

    /** Raised by {@link BoundedWriter} past {@link #MAX_EXPORT_CHARS}: ends the export early. */
    private static final class ExportTooLarge extends RuntimeException {
        ExportTooLarge() {
            super(null, null, false, false);
        }
    }

    /** A writer that refuses to hold more than one answer's worth of text. */
    private static final class BoundedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void write(char[] buffer, int offset, int length) {
            if (text.length() + length > MAX_EXPORT_CHARS) {
                throw new ExportTooLarge();
            }
            text.append(buffer, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
