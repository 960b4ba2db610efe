package io.lantau.app.command;

import io.lantau.custody.reserves.AssetUnit;
import io.lantau.custody.reserves.InclusionProof;
import io.lantau.custody.reserves.ReservesRoot;
import io.lantau.custody.reserves.ReservesVerification;
import io.lantau.custody.reserves.ReservesVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lantau verify-reserves PROOF.json}: checks a client's proof-of-reserves inclusion proof offline, trusting
 * nothing from the server but the file (PoR-2; the format is in {@link ReservesVerifier}). Prints {@code VERIFIED}
 * with the client's balances and the root, or {@code NOT VERIFIED:} and exactly what failed, with exit code 1. The
 * client should compare the printed root hash with the one the platform publishes ({@code --root} does it).
 */
@Command(name = "verify-reserves", mixinStandardHelpOptions = true,
        description = {"Verify a proof-of-reserves inclusion proof (PROOF.json) without trusting the server.",
            "Exit code 0 if verified, 1 if not."})
public final class VerifyReservesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROOF.json", description = "The proof downloaded from the platform.")
    Path proofFile;

    @Option(names = "--account", paramLabel = "ID",
            description = "Your account id: the leaf must be yours (its accountIdHash is checked).")
    Long accountId;

    @Option(names = "--root", paramLabel = "HASH",
            description = "The root hash the platform published (website, GET /api/lantau/v1/reserves/root).")
    String publishedRootHash;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String json;
        try {
            json = Files.readString(proofFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return fail(out, "cannot read " + proofFile + ": " + e.getMessage());
        }
        ReservesVerification verification = ReservesVerifier.verify(json,
                accountId == null ? OptionalLong.empty() : OptionalLong.of(accountId));
        if (!verification.verified()) {
            return fail(out, verification.failure());
        }
        InclusionProof proof = verification.proof();
        ReservesRoot root = proof.root();
        if (publishedRootHash != null && !publishedRootHash.toLowerCase(Locale.ROOT).equals(root.rootHash())) {
            return fail(out, "the proof's root " + root.rootHash() + " is not the published root "
                    + publishedRootHash);
        }
        out.println("VERIFIED: your leaf is included in the liabilities tree of root " + root.rootHash());
        out.println("  snapshot:          sequence " + root.snapshotSequence() + " at " + root.snapshotTime() + ", "
                + root.leafCount() + " clients, tree height " + root.treeHeight());
        out.println("  your balances:     " + amounts(root.assets(), proof.balancesMinor()));
        out.println("  total liabilities: " + amounts(root.assets(), root.totalsMinor()));
        if (accountId == null) {
            out.println("  (give --account ID to also check that the leaf is your account's)");
        }
        out.flush();
        return 0;
    }

    private static int fail(PrintWriter out, String why) {
        out.println("NOT VERIFIED: " + why);
        out.flush();
        return 1;
    }

    private static String amounts(List<AssetUnit> assets, List<Long> amountsMinor) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < assets.size(); i++) {
            if (i > 0) {
                line.append(", ");
            }
            line.append(assets.get(i).code()).append(' ').append(assets.get(i).format(amountsMinor.get(i)));
        }
        return line.toString();
    }
}
