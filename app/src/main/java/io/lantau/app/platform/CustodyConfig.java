package io.lantau.app.platform;

import io.lantau.custody.fiat.PlatformBankAccount;

/**
 * What custody needs from the deployment (not from the jurisdiction profile, which sets every custody threshold).
 *
 * @param ethRpcUrl       JSON-RPC URL of an Ethereum node; {@code null}: no on-chain custody (the fiat, hot/cold,
 *                        reconciliation and travel-rule parts still run).
 * @param ethAccountXpub  the ETH deposit account's extended public key as {@code [fingerprint/44'/60'/0']xpub...}
 *                        (from the key ceremony; the platform never holds the seed); {@code null} in demo mode: a
 *                        seed is generated once into the data directory (demo only).
 * @param ethStartHeight  the block height the first deposit scan starts from (the height custody went live).
 * @param hotKeyOperatorA the first hot-key operator's secret (both are needed to unseal the hot signing key; never
 *                        logged); {@code null} in demo mode: generated into the data directory (demo only).
 * @param hotKeyOperatorB the second operator's secret, likewise.
 * @param bankAccount     the platform's client-money bank account that fiat deposit instructions name (HK-07).
 * @param ethColdXpub     the ETH cold account's extended public key ({@code [fingerprint/44'/60'/1']xpub...}); sweeps go
 *                        to its first address (HK-16); {@code null}: derived from the demo seed in demo mode, else
 *                        sweeps are only proposed.
 */
public record CustodyConfig(String ethRpcUrl, String ethAccountXpub, long ethStartHeight, String hotKeyOperatorA,
        String hotKeyOperatorB, PlatformBankAccount bankAccount, String ethColdXpub) {

    /** The demo's bank account: a made-up client-money account for the deposit instructions of the demo. */
    public static final PlatformBankAccount DEMO_BANK_ACCOUNT = new PlatformBankAccount(
            "Lantau Exchange Ltd - Client Account (DEMO)", "Demo Bank (not a real bank)", "DEMOHKHHXXX",
            "DEMO-000-000001");

    public CustodyConfig {
        if (ethStartHeight < 0) {
            throw new IllegalArgumentException("eth.start.height must not be negative");
        }
        java.util.Objects.requireNonNull(bankAccount, "bankAccount");
    }

    /** No node, the demo bank account. */
    public static CustodyConfig defaults() {
        return new CustodyConfig(null, null, 0, null, null, DEMO_BANK_ACCOUNT, null);
    }

    /** @return this with an Ethereum node (and where its first scan starts). */
    public CustodyConfig withEthereum(String rpcUrl, String accountXpub, long startHeight) {
        return new CustodyConfig(rpcUrl, accountXpub, startHeight, hotKeyOperatorA, hotKeyOperatorB, bankAccount,
                ethColdXpub);
    }

    /** @return this with the two hot-key operators' secrets. */
    public CustodyConfig withHotKeyOperators(String first, String second) {
        return new CustodyConfig(ethRpcUrl, ethAccountXpub, ethStartHeight, first, second, bankAccount, ethColdXpub);
    }

    /** @return this with the platform's bank account. */
    public CustodyConfig withBankAccount(PlatformBankAccount account) {
        return new CustodyConfig(ethRpcUrl, ethAccountXpub, ethStartHeight, hotKeyOperatorA, hotKeyOperatorB, account,
                ethColdXpub);
    }

    /** Never prints the operators' secrets (nor whether the node URL carries credentials). */
    @Override
    public String toString() {
        return "CustodyConfig{ethereum=" + (ethRpcUrl == null ? "none" : "configured") + ", xpub="
                + (ethAccountXpub == null ? "none" : ethAccountXpub) + ", coldXpub="
                + (ethColdXpub == null ? "none" : ethColdXpub) + ", startHeight=" + ethStartHeight
                + ", hotKeyOperators=" + (hotKeyOperatorA == null ? "none" : "***") + ", bank="
                + bankAccount.bankBic() + "}";
    }
}
