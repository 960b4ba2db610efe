package io.lantau.custody.signer;

import io.lantau.custody.eth.EthFees;
import io.lantau.custody.eth.EthereumAdapter;
import io.lantau.custody.ledger.ChainUnits;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The Ethereum hot wallet's signer: holds the key unsealed by two operators ({@link SealedKey}) and signs EIP-1559
 * value transfers whose recipient and value come only from an instruction that hashes to the approved hash (HK-18);
 * a hot-to-cold sweep is signed only to the cold address it was unsealed with (HK-16), whatever the instruction says.
 * Nonce, chain id and fee caps come from the node at signing time. Thread-safe: signing is serialised, so two
 * withdrawals never take the same nonce from one pass.
 */
public final class EthHotSigner implements WithdrawalSigner {
    private final Credentials credentials;
    private final EthereumAdapter node;
    private final ChainUnits units;
    /** The one address a sweep may pay to, or null: then no sweep is ever signed. */
    private final String coldAddress;

    private EthHotSigner(Credentials credentials, EthereumAdapter node, ChainUnits units, String coldAddress) {
        this.credentials = credentials;
        this.node = node;
        this.units = units;
        this.coldAddress = coldAddress == null ? null : EthereumAdapter.normalise(coldAddress);
    }

    /**
     * Unseals the hot key with two distinct operators' secrets.
     *
     * @throws SignerRefusedException if the operators are not distinct, not the sealed-for pair, or a secret is wrong.
     */
    public static EthHotSigner unseal(SealedKey sealed, OperatorSecret first, OperatorSecret second,
            EthereumAdapter node, ChainUnits units) {
        return unseal(sealed, first, second, node, units, null);
    }

    /**
     * Unseals the hot key, able also to sign sweeps to {@code coldAddress} (the cold account's first address).
     *
     * @throws SignerRefusedException if the operators are not distinct, not the sealed-for pair, or a secret is wrong.
     */
    public static EthHotSigner unseal(SealedKey sealed, OperatorSecret first, OperatorSecret second,
            EthereumAdapter node, ChainUnits units, String coldAddress) {
        byte[] key = sealed.open(first, second);
        try {
            Credentials credentials = Credentials.create(ECKeyPair.create(key));
            if (!credentials.getAddress().equalsIgnoreCase(sealed.address())) {
                throw new SignerRefusedException(SignerRefusedException.Reason.UNSEAL_FAILED,
                        "the key does not match its recorded address");
            }
            return new EthHotSigner(credentials, node, units, coldAddress);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public String chain() {
        return EthereumAdapter.CHAIN;
    }

    @Override
    public String address() {
        return credentials.getAddress();
    }

    @Override
    public synchronized byte[] sign(WithdrawalInstruction instruction, String approvedHash) {
        if (!instruction.hash().equals(approvedHash)) {
            throw new SignerRefusedException(SignerRefusedException.Reason.INSTRUCTION_MISMATCH,
                    "withdrawal " + instruction.withdrawalId() + " differs from what was approved");
        }
        if (!instruction.chain().equals(chain())) {
            throw new IllegalArgumentException("not an Ethereum withdrawal: " + instruction.chain());
        }
        return signTransfer(instruction.destination(), instruction.amountMinor());
    }

    /**
     * Signs a hot-to-cold sweep (HK-16).
     *
     * @param approvedHash the instruction hash recorded when the sweep was planned.
     * @return the signed transaction's bytes, ready to broadcast.
     * @throws SignerRefusedException {@code INSTRUCTION_MISMATCH} if the instruction does not hash to
     *                                {@code approvedHash}; {@code SWEEP_DESTINATION_NOT_COLD} if its destination is not
     *                                the cold address this signer was unsealed with (or it has none), or its source is
     *                                not this hot wallet. Nothing is signed.
     */
    public synchronized byte[] signSweep(SweepInstruction instruction, String approvedHash) {
        if (!instruction.hash().equals(approvedHash)) {
            throw new SignerRefusedException(SignerRefusedException.Reason.INSTRUCTION_MISMATCH,
                    "sweep " + instruction.sweepId() + " differs from what was planned");
        }
        if (coldAddress == null || !coldAddress.equals(EthereumAdapter.normalise(instruction.to()))
                || !address().equalsIgnoreCase(instruction.from())) {
            throw new SignerRefusedException(SignerRefusedException.Reason.SWEEP_DESTINATION_NOT_COLD,
                    "sweep " + instruction.sweepId() + " is not from this hot wallet to the cold address");
        }
        if (!instruction.chain().equals(chain())) {
            throw new IllegalArgumentException("not an Ethereum sweep: " + instruction.chain());
        }
        return signTransfer(instruction.to(), instruction.amountMinor());
    }

    /** @return the cold address sweeps go to, or null if this signer signs no sweep. */
    public String coldAddress() {
        return coldAddress;
    }

    /** A value transfer from the hot wallet at its next pending nonce, fee caps from the node now. */
    private byte[] signTransfer(String destination, long amountMinor) {
        EthFees fees = node.fees();
        BigInteger nonce = node.pendingNonce(address());
        RawTransaction tx = RawTransaction.createEtherTransaction(node.chainId(), nonce,
                EthereumAdapter.TRANSFER_GAS, destination.toLowerCase(Locale.ROOT), units.toBase(amountMinor),
                fees.maxPriorityFeePerGas(), fees.maxFeePerGas());
        return TransactionEncoder.signMessage(tx, credentials);
    }

    /** @return a new random key sealed for two operators (the key ceremony); the key never leaves the seal. */
    public static SealedKey generate(OperatorSecret first, OperatorSecret second, java.security.SecureRandom random) {
        try {
            ECKeyPair pair = org.web3j.crypto.Keys.createEcKeyPair(random);
            byte[] key = Numeric.toBytesPadded(pair.getPrivateKey(), 32);
            try {
                return SealedKey.seal(key, Credentials.create(pair).getAddress(), first, second, random);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a secp256k1 key", e);
        }
    }

    @Override
    public String toString() {
        return "EthHotSigner{" + address() + "}";
    }
}
