package io.lantau.custody.btc;

import io.lantau.custody.wallet.BitcoinAddressDeriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bitcoinj.base.Address;

/**
 * Plans a Bitcoin withdrawal from what the node says now: the confirmed unspent outputs of the platform's own
 * addresses ({@code scantxoutset}) and the fee rate for the confirmation target ({@code estimatesmartfee}); the
 * {@link P2wpkhSpendBuilder} turns them into a PSBT with change to a platform change address. The PSBT then goes to
 * a signer: the offline {@code ColdSigner} through {@code ColdSigningDesk} for cold funds (REGULATORY.md HK-16).
 *
 * <p>Thread-safe; blocking I/O to the node.
 */
public final class BitcoinWithdrawalPlanner {
    private final BitcoinRpcAdapter node;
    private final P2wpkhSpendBuilder builder;
    private final int confirmationTarget;
    private final long fallbackFeeRate;

    /**
     * @param confirmationTarget the number of blocks the fee should confirm within.
     * @param fallbackFeeRate    satoshi per virtual byte when the node has no estimate yet.
     */
    public BitcoinWithdrawalPlanner(BitcoinRpcAdapter node, BitcoinAddressDeriver account, int confirmationTarget,
            long fallbackFeeRate) {
        this.node = node;
        this.builder = new P2wpkhSpendBuilder(account);
        this.confirmationTarget = confirmationTarget;
        this.fallbackFeeRate = fallbackFeeRate;
    }

    /** Where an address's key sits below the account: BIP44 chain (0 receive, 1 change) and index. */
    public record KeyPosition(int chain, int index) {
    }

    /**
     * @param ownAddresses the platform addresses whose outputs may be spent, with their key positions.
     * @param changeIndex  the change address index (chain 1) for the rest.
     * @return the unsigned withdrawal.
     * @throws P2wpkhSpendBuilder.InsufficientFundsException if those addresses cannot pay amount and fee.
     */
    public P2wpkhSpendBuilder.UnsignedSpend plan(Map<String, KeyPosition> ownAddresses, Address destination,
            long amountSats, int changeIndex) {
        List<SpendableOutput> spendable = new ArrayList<>();
        for (BitcoinRpcAdapter.Unspent u : node.unspent(ownAddresses.keySet())) {
            KeyPosition position = ownAddresses.get(u.address());
            if (position != null) {
                spendable.add(new SpendableOutput(u.txid(), u.vout(), u.valueSats(), position.chain(),
                        position.index()));
            }
        }
        long feeRate = node.feeRateSatPerVbyte(confirmationTarget, fallbackFeeRate);
        return builder.build(spendable, destination, amountSats, feeRate, changeIndex);
    }
}
