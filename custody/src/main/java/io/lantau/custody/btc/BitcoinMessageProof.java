package io.lantau.custody.btc;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.bitcoinj.base.Address;
import org.bitcoinj.base.AddressParser;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.base.VarInt;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.internal.CryptoUtils;
import org.bitcoinj.script.ScriptBuilder;

/**
 * Verifies a Bitcoin signed message as proof that the signer controls an address (REGULATORY.md HK-18: withdrawals
 * only to addresses the client proved to own; SFC AML Guideline 12.10.6, the message-signing test). The signature is
 * the 65-byte compact recoverable ECDSA signature over double SHA-256 of {@code "\x18Bitcoin Signed Message:\n" ||
 * compactSize(len) || message}, in base64, with a header byte that says which key and address type were used:
 *
 * <ul>
 *   <li>27–30: uncompressed key, P2PKH address (Bitcoin Core's and BIP-137's first range);</li>
 *   <li>31–34: compressed key, P2PKH address (BIP-137), or, as Electrum and most wallets sign, a compressed key for
 *       whatever single-key address type the address is: P2PKH, P2SH-P2WPKH or P2WPKH;</li>
 *   <li>35–38: compressed key, P2SH-P2WPKH address only (BIP-137);</li>
 *   <li>39–42: compressed key, native SegWit P2WPKH address only (BIP-137).</li>
 * </ul>
 *
 * The public key is recovered from the signature and the address of the header's type is derived from it; the proof
 * holds only if that is exactly the given address. A message is also accepted as signed without its surrounding
 * whitespace, as Electrum signs it. Taproot and script addresses other than P2SH-P2WPKH cannot be
 * proven this way (they need BIP-322) and are refused. Stateless and thread-safe; bad input gives {@code false}, never
 * an exception.
 */
public final class BitcoinMessageProof {
    private static final byte[] MAGIC = "\u0018Bitcoin Signed Message:\n".getBytes(StandardCharsets.UTF_8);
    private static final BigInteger CURVE_ORDER = ECKey.ecDomainParameters().getN();

    private final BitcoinNetwork network;

    public BitcoinMessageProof(BitcoinNetwork network) {
        this.network = network;
    }

    /** @return {@code "BTC"}. */
    public String chain() {
        return "BTC";
    }

    /** @return whether {@code address} is an address of this network that a signed message can prove. */
    public boolean isValidAddress(String address) {
        return parse(address).filter(a -> provable(a.getOutputScriptType())).isPresent();
    }

    /**
     * @param address         the address whose ownership is claimed.
     * @param message         the exact text that was signed (UTF-8).
     * @param signatureBase64 the signature as wallets export it.
     * @return whether the key of {@code address} signed exactly {@code message}.
     */
    public boolean verify(String address, String message, String signatureBase64) {
        if (address == null || message == null || signatureBase64 == null) {
            return false;
        }
        // Electrum signs the message with surrounding whitespace stripped; the stripped text is still the same text.
        return verifyExactly(address, message, signatureBase64)
                || (!message.strip().equals(message) && verifyExactly(address, message.strip(), signatureBase64));
    }

    private boolean verifyExactly(String address, String message, String signatureBase64) {
        Optional<Address> parsed = parse(address);
        if (parsed.isEmpty() || !provable(parsed.get().getOutputScriptType())) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (signature.length != 65) {
            return false;
        }
        int header = signature[0] & 0xff;
        if (header < 27 || header > 42) {
            return false;
        }
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 1, 33));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 33, 65));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(CURVE_ORDER) >= 0 || s.compareTo(CURVE_ORDER) >= 0) {
            return false;
        }
        int recoveryId = (header - 27) & 3;
        boolean compressed = header >= 31;
        ECKey key;
        try {
            key = ECKey.recoverFromSignature(recoveryId, new ECKey.ECDSASignature(r, s), messageHash(message),
                    compressed);
        } catch (RuntimeException e) {
            return false;
        }
        if (key == null) {
            return false;
        }
        ScriptType type = parsed.get().getOutputScriptType();
        Address derived;
        if (header <= 30) {
            derived = type == ScriptType.P2PKH ? LegacyAddress.fromPubKeyHash(network, key.getPubKeyHash()) : null;
        } else if (header <= 34) {
            derived = addressOf(key, type);
        } else if (header <= 38) {
            derived = type == ScriptType.P2SH ? addressOf(key, ScriptType.P2SH) : null;
        } else {
            derived = type == ScriptType.P2WPKH ? addressOf(key, ScriptType.P2WPKH) : null;
        }
        return parsed.get().equals(derived);
    }

    /** @return the hash a Bitcoin message signature signs. */
    static Sha256Hash messageHash(String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(MAGIC);
        bytes.writeBytes(VarInt.of(text.length).serialize());
        bytes.writeBytes(text);
        return Sha256Hash.twiceOf(bytes.toByteArray());
    }

    /** @return the single-key address of a compressed key for the address type; P2SH means P2SH-P2WPKH. */
    private Address addressOf(ECKey key, ScriptType type) {
        return switch (type) {
            case P2PKH -> LegacyAddress.fromPubKeyHash(network, key.getPubKeyHash());
            case P2WPKH -> SegwitAddress.fromHash(network, key.getPubKeyHash());
            case P2SH -> LegacyAddress.fromScriptHash(network,
                    CryptoUtils.sha256hash160(ScriptBuilder.createP2WPKHOutputScript(key).program()));
            default -> null;
        };
    }

    private static boolean provable(ScriptType type) {
        return type == ScriptType.P2PKH || type == ScriptType.P2WPKH || type == ScriptType.P2SH;
    }

    private Optional<Address> parse(String address) {
        try {
            Address parsed = AddressParser.getDefault(network).parseAddress(address.trim());
            return Optional.of(parsed);
        } catch (IllegalArgumentException e) {
            // AddressFormatException included: not an address of this network.
            return Optional.empty();
        }
    }
}
