package io.lantau.custody.wallet;

/** Published test vectors the wallet tests check against. */
public final class TestVectors {
    /** BIP-84's test mnemonic (and BIP-39's all-zero-entropy mnemonic). */
    public static final String BIP84_MNEMONIC =
            "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    /** BIP-84: the account 0 extended public key, m/84'/0'/0'. */
    public static final String BIP84_ACCOUNT_ZPUB = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1"
            + "ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
    /** BIP-84: m/84'/0'/0'/0/0, m/84'/0'/0'/0/1 and m/84'/0'/0'/1/0. */
    public static final String BIP84_RECEIVE_0 = "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu";
    public static final String BIP84_RECEIVE_1 = "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g";
    public static final String BIP84_CHANGE_0 = "bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el";

    /** Hardhat's and anvil's default mnemonic and its first three accounts, m/44'/60'/0'/0/i. */
    public static final String ANVIL_MNEMONIC = "test test test test test test test test test test test junk";
    public static final String ANVIL_ACCOUNT_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    public static final String ANVIL_ACCOUNT_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    public static final String ANVIL_ACCOUNT_2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

    private TestVectors() {
    }
}
