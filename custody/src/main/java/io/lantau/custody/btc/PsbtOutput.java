package io.lantau.custody.btc;

import java.util.List;

/**
 * One output's map of a PSBT.
 *
 * @param derivations for a change output, where its key comes from, so that a signer can see the change is its own.
 * @param unknown     entries of other types, kept as they came.
 */
public record PsbtOutput(List<KeyOrigin> derivations, List<UnknownEntry> unknown) {
    public static final PsbtOutput EMPTY = new PsbtOutput(List.of(), List.of());

    public PsbtOutput {
        derivations = List.copyOf(derivations);
        unknown = List.copyOf(unknown);
    }
}
