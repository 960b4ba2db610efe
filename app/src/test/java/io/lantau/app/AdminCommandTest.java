package io.lantau.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.platform.PlatformConfig;
import io.lantau.app.platform.PlatformHarness;
import io.lantau.compliance.security.StaffRole;
import io.lantau.store.account.UserRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The operator's command line against a running platform under HK_VATP: registering a resident (and refusing a
 * resident of a blocked jurisdiction), naming the first holder of a staff role once, and setting a market's retail
 * access.
 */
class AdminCommandTest {
    @TempDir
    static Path dir;
    static PlatformHarness harness;

    @BeforeAll
    static void start() {
        harness = new PlatformHarness(dir, PlatformConfig.defaults());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    private record Run(int exit, String out) {
    }

    private static Run admin(String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = LantauCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        String[] full = new String[args.length + 5];
        full[0] = "admin";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--url";
        full[args.length + 2] = harness.baseUrl();
        full[args.length + 3] = "--data-dir";
        full[args.length + 4] = dir.toString();
        int exit = commandLine.execute(full);
        return new Run(exit, out.toString());
    }

    @Test
    void shouldRegisterAResidentAndRefuseABlockedJurisdiction() {
        Run refused = admin("create-user", "--email", "mainland@example.com", "--password",
                "a long passphrase for lantau", "--residency", "CN");
        Run created = admin("create-user", "--email", "resident@example.com", "--password",
                "a long passphrase for lantau", "--residency", "HK");

        assertThat(refused.exit()).isNotZero();
        assertThat(refused.out()).contains("BLOCKED_JURISDICTION");
        assertThat(created.exit()).as(created.out()).isZero();
        UserRepository users = new UserRepository(harness.platform().parts().database.dataSource());
        assertThat(users.findByEmail("mainland@example.com")).isEmpty();
        assertThat(users.findByEmail("resident@example.com")).isPresent();
    }

    @Test
    void shouldNameTheFirstComplianceOfficerOnlyOnce() {
        admin("create-user", "--email", "officer@example.com", "--password", "a long passphrase for lantau",
                "--residency", "HK");
        admin("create-user", "--email", "second@example.com", "--password", "a long passphrase for lantau",
                "--residency", "HK");

        Run first = admin("name-staff", "--email", "officer@example.com", "--role", "COMPLIANCE_OFFICER");
        Run second = admin("name-staff", "--email", "second@example.com", "--role", "COMPLIANCE_OFFICER");

        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(second.exit()).isNotZero();
        assertThat(second.out()).contains("ROLE_ALREADY_BOOTSTRAPPED");
        UserRepository users = new UserRepository(harness.platform().parts().database.dataSource());
        long officer = users.findByEmail("officer@example.com").orElseThrow().id();
        assertThat(harness.platform().parts().licensing.security.staff().rolesOf(officer))
                .isEqualTo(Set.of(StaffRole.COMPLIANCE_OFFICER));
    }

    @Test
    void shouldSetRetailAccessAndRefuseAnUnknownAccess() {
        Run sellOnly = admin("set-retail-access", "--symbol", "BTCHKD", "--access", "SELL_ONLY");
        Run bad = admin("set-retail-access", "--symbol", "BTCHKD", "--access", "SOMETIMES");

        assertThat(sellOnly.exit()).as(sellOnly.out()).isZero();
        assertThat(sellOnly.out()).contains("SELL_ONLY");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.out()).contains("INVALID_ARGUMENT");
    }
}
