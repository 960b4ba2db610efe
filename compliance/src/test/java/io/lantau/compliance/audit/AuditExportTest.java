package io.lantau.compliance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditExportTest extends AuditEngineTestBase {
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    private void appendDays(int days) {
        AuditTrail trail = new AuditTrail(database.dataSource());
        for (int d = 0; d < days; d++) {
            trail.append(new AuditEntry(T0.plusSeconds(86_400L * d).plusNanos(7), AuditKind.KYC_DECISION, "staff:9",
                    "account:" + (1000 + d), AuditDetails.builder().put("decision", "APPROVED")
                            .put("note", "line one\nline \"two\", end").build()));
        }
    }

    @Test
    void shouldExportRecordsOfPeriodAsCsvWhenAsked() {
        appendDays(10);
        StringWriter out = new StringWriter();

        long n = AuditExport.export(database.dataSource(), T0.plusSeconds(86_400L * 2), T0.plusSeconds(86_400L * 5),
                AuditExport.Format.CSV, out);

        assertThat(n).isEqualTo(3);
        String csv = out.toString();
        assertThat(csv).startsWith("sequence,time,kind,actor,subject,details,previous_hash,hash\n");
        assertThat(csv).contains("3,2025-03-03T00:00:00.000000007Z,KYC_DECISION,staff:9,account:1002,\"{");
        assertThat(csv).contains("line \\\"\"two\\\"\", end"); // JSON-escaped, then CSV-quoted
    }

    @Test
    void shouldExportExactDetailsAsJsonLinesWhenAsked() throws Exception {
        appendDays(4);
        StringWriter out = new StringWriter();

        long n = AuditExport.export(database.dataSource(), T0, T0.plusSeconds(86_400L * 30), AuditExport.Format.JSONL,
                out);

        List<String> lines = out.toString().lines().toList();
        assertThat(n).isEqualTo(4);
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("sequence").asLong()).isEqualTo(1);
        assertThat(first.get("kind").asText()).isEqualTo("KYC_DECISION");
        JsonNode details = json.readTree(first.get("details").asText());
        assertThat(details.get("note").asText()).isEqualTo("line one\nline \"two\", end");
        // The exported fields hash to the exported hash: an export can be checked on its own.
        AuditRecord r = new AuditRecord(1, Instant.parse(first.get("time").asText()), first.get("kind").asText(),
                first.get("actor").asText(), first.get("subject").asText(), first.get("details").asText(),
                first.get("previousHash").asText(), first.get("hash").asText());
        assertThat(new AuditHasher().hash(r)).isEqualTo(r.hash());
    }
}
