package io.lantau.custody.signer;

import java.util.Arrays;

/**
 * One operator's share of the right to unseal the hot key: their id and their secret passphrase. {@link #toString()}
 * never shows the secret; {@link #wipe()} clears it once used.
 */
public final class OperatorSecret {
    private final String operatorId;
    private final char[] secret;

    public OperatorSecret(String operatorId, char[] secret) {
        if (operatorId == null || operatorId.isBlank() || secret == null || secret.length < 12) {
            throw new IllegalArgumentException("an operator id and a secret of at least 12 characters are required");
        }
        this.operatorId = operatorId;
        this.secret = secret.clone();
    }

    public String operatorId() {
        return operatorId;
    }

    char[] secret() {
        return secret;
    }

    public void wipe() {
        Arrays.fill(secret, '\0');
    }

    @Override
    public String toString() {
        return "OperatorSecret{" + operatorId + "}";
    }
}
