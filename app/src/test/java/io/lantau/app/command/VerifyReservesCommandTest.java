package io.lantau.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.app.LantauCommand;
import io.lantau.custody.reserves.AssetUnit;
import io.lantau.custody.reserves.ClientLiability;
import io.lantau.custody.reserves.LiabilitySnapshot;
import io.lantau.custody.reserves.MerkleSumTree;
import io.lantau.custody.reserves.ProofJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lantau verify-reserves PROOF.json} through picocli, as a client runs it (PoR-2). */
class VerifyReservesCommandTest {
    private static final List<AssetUnit> ASSETS = List.of(new AssetUnit("BTC", 8), new AssetUnit("HKD", 2));
    private static final long MY_ACCOUNT = 1002;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final MerkleSumTree tree = MerkleSumTree.build(snapshot(), new Random(1));

    private static LiabilitySnapshot snapshot() {
        List<ClientLiability> clients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clients.add(new ClientLiability(1000 + i, List.of(12_500_000L * i, 100_025L + i)));
        }
        return new LiabilitySnapshot(77, Instant.parse("2026-11-29T08:00:00Z"), ASSETS, clients);
    }

    private int run(String... args) {
        CommandLine commandLine = LantauCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private Path proofFile(String json) throws IOException {
        return Files.writeString(dir.resolve("PROOF.json"), json);
    }

    private String myProof() {
        return ProofJson.write(tree.proofFor(MY_ACCOUNT).orElseThrow());
    }

    @Test
    void shouldPrintVerifiedWithTheBalancesAndTheRootAndExitZero() throws IOException {
        int exit = run("verify-reserves", proofFile(myProof()).toString(), "--account", "1002",
                "--root", tree.root().rootHash());

        assertThat(exit).as(out + " " + err).isZero();
        assertThat(out.toString()).startsWith("VERIFIED").contains(tree.root().rootHash())
                .contains("your balances:     BTC 0.25, HKD 1000.27")
                .contains("total liabilities: BTC 1.875, HKD 6001.65")
                .contains("sequence 77 at 2026-11-29T08:00:00Z, 6 clients, tree height 3");
    }

    @Test
    void shouldNameTheFailureAndExitNonZeroForATamperedBalance() throws IOException {
        String tampered = myProof().replace("\"BTC\" : \"0.25\"", "\"BTC\" : \"0.26\"");
        assertThat(tampered).isNotEqualTo(myProof());

        int exit = run("verify-reserves", proofFile(tampered).toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).startsWith("NOT VERIFIED: root hash mismatch");
    }

    @Test
    void shouldFailForSomeoneElsesLeafOrAnotherPublishedRoot() throws IOException {
        Path file = proofFile(myProof());

        assertThat(run("verify-reserves", file.toString(), "--account", "1003")).isEqualTo(1);
        assertThat(out.toString()).contains("NOT VERIFIED: the leaf is not account 1003's");
        assertThat(run("verify-reserves", file.toString(), "--root", "ab".repeat(32))).isEqualTo(1);
        assertThat(out.toString()).contains("is not the published root " + "ab".repeat(32));
    }

    @Test
    void shouldFailForAMissingOrMalformedFile() throws IOException {
        assertThat(run("verify-reserves", dir.resolve("absent.json").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("NOT VERIFIED: cannot read");
        assertThat(run("verify-reserves", proofFile("[]").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("NOT VERIFIED: malformed proof: the document is not an object");
    }
}
