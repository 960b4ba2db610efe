package io.lantau.custody.wallet;

import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.HDPath;

/**
 * The account paths the platform uses: BIP84 for Bitcoin (native SegWit, coin type 0 on main net and 1 on every test
 * network, as SLIP-44 says), BIP44 coin type 60 for Ethereum. Below an account, chain 0 holds receive (deposit)
 * addresses and chain 1 change addresses.
 */
public final class AccountPaths {
    /** BIP44 chain of receive addresses. */
    public static final int RECEIVE = 0;
    /** BIP44 chain of change addresses. */
    public static final int CHANGE = 1;
    /** {@code m/44'/60'/0'}: the first Ethereum account. */
    public static final HDPath ETHEREUM = HDPath.M(ChildNumber.PURPOSE_BIP44, new ChildNumber(60, true),
            ChildNumber.ZERO_HARDENED);
    /**
     * {@code m/44'/60'/1'}: the Ethereum cold-storage account (HK-16). Its first receive address is where the hot
     * wallet sweeps to; its keys stay with the offline cold signer, the platform holds its extended public key only.
     */
    public static final HDPath ETHEREUM_COLD = HDPath.M(ChildNumber.PURPOSE_BIP44, new ChildNumber(60, true),
            ChildNumber.ONE_HARDENED);

    private AccountPaths() {
    }

    /** @return {@code m/84'/0'/0'} on main net, {@code m/84'/1'/0'} on testnet, signet and regtest. */
    public static HDPath bitcoin(BitcoinNetwork network) {
        ChildNumber coin = network == BitcoinNetwork.MAINNET ? ChildNumber.COINTYPE_BTC : ChildNumber.COINTYPE_TBTC;
        return HDPath.M(ChildNumber.PURPOSE_BIP84, coin, ChildNumber.ZERO_HARDENED);
    }
}
