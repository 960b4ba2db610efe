package io.lantau.custody.btc;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.VarInt;
import org.bitcoinj.core.ProtocolException;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.SignatureDecodeException;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptException;

/**
 * Reads and writes BIP-174 PSBTs (version 0), strictly: bitcoinj 0.17 has no PSBT support, and a signing flow that
 * crosses an air gap must refuse anything it does not fully understand rather than guess. Refused: a wrong magic, a
 * map without its terminator, a duplicate key, a known key with key data or a value of the wrong shape, a non-minimal
 * compact size, an unsigned transaction that carries scriptSigs or witnesses, a count of maps that differs from the
 * transaction's inputs and outputs, a version other than 0, and trailing bytes. Keys of unknown types are kept.
 *
 * <p>Writes maps in key order, so equal PSBTs encode to equal bytes. Stateless and thread-safe.
 */
public final class PsbtCodec {
    private static final byte[] MAGIC = {'p', 's', 'b', 't', (byte) 0xff};

    static final int GLOBAL_UNSIGNED_TX = 0x00;
    static final int GLOBAL_VERSION = 0xfb;
    static final int IN_NON_WITNESS_UTXO = 0x00;
    static final int IN_WITNESS_UTXO = 0x01;
    static final int IN_PARTIAL_SIG = 0x02;
    static final int IN_SIGHASH_TYPE = 0x03;
    static final int IN_REDEEM_SCRIPT = 0x04;
    static final int IN_WITNESS_SCRIPT = 0x05;
    static final int IN_BIP32_DERIVATION = 0x06;
    static final int IN_FINAL_SCRIPTSIG = 0x07;
    static final int IN_FINAL_SCRIPTWITNESS = 0x08;
    static final int OUT_REDEEM_SCRIPT = 0x00;
    static final int OUT_WITNESS_SCRIPT = 0x01;
    static final int OUT_BIP32_DERIVATION = 0x02;

    private static final HexFormat HEX = HexFormat.of();

    private PsbtCodec() {
    }

    /** @return the PSBT as standard base64 text, the form wallets and Bitcoin Core exchange. */
    public static String toBase64(Psbt psbt) {
        return Base64.getEncoder().encodeToString(encode(psbt));
    }

    /** @throws PsbtFormatException if the text is not base64 of a PSBT this codec accepts. */
    public static Psbt fromBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new PsbtFormatException("not base64", e);
        }
        return decode(bytes);
    }

    // ------------------------------------------------------------------------------------------------ encoding

    /** @return the binary PSBT. */
    public static byte[] encode(Psbt psbt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        MapWriter global = new MapWriter();
        global.put(new byte[] {GLOBAL_UNSIGNED_TX}, psbt.unsignedTransaction());
        global.putUnknown(psbt.unknownGlobals());
        global.writeTo(out);
        for (PsbtInput in : psbt.inputs()) {
            MapWriter map = new MapWriter();
            if (in.nonWitnessUtxo() != null) {
                map.put(new byte[] {IN_NON_WITNESS_UTXO}, in.nonWitnessUtxo().serialize());
            }
            if (in.witnessUtxo() != null) {
                byte[] script = in.witnessUtxo().scriptPubKey().program();
                ByteBuffer value = ByteBuffer.allocate(8 + VarInt.sizeOf(script.length) + script.length)
                        .order(ByteOrder.LITTLE_ENDIAN);
                value.putLong(in.witnessUtxo().value().value);
                VarInt.of(script.length).write(value);
                value.put(script);
                map.put(new byte[] {IN_WITNESS_UTXO}, value.array());
            }
            for (PartialSignature s : in.partialSignatures()) {
                map.put(keyWith(IN_PARTIAL_SIG, s.publicKey().getPubKey()), s.signature().encodeToBitcoin());
            }
            if (in.sighashType() != null) {
                map.put(new byte[] {IN_SIGHASH_TYPE}, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(in.sighashType()).array());
            }
            putDerivations(map, IN_BIP32_DERIVATION, in.derivations());
            if (in.finalScriptSig() != null) {
                map.put(new byte[] {IN_FINAL_SCRIPTSIG}, in.finalScriptSig().program());
            }
            if (in.finalScriptWitness() != null) {
                map.put(new byte[] {IN_FINAL_SCRIPTWITNESS}, in.finalScriptWitness().serialize());
            }
            map.putUnknown(in.unknown());
            map.writeTo(out);
        }
        for (PsbtOutput o : psbt.outputs()) {
            MapWriter map = new MapWriter();
            putDerivations(map, OUT_BIP32_DERIVATION, o.derivations());
            map.putUnknown(o.unknown());
            map.writeTo(out);
        }
        return out.toByteArray();
    }

    private static void putDerivations(MapWriter map, int type, List<KeyOrigin> origins) {
        for (KeyOrigin origin : origins) {
            ByteBuffer value = ByteBuffer.allocate(4 + 4 * origin.path().size()).order(ByteOrder.LITTLE_ENDIAN);
            value.order(ByteOrder.BIG_ENDIAN).putInt(origin.masterFingerprint()).order(ByteOrder.LITTLE_ENDIAN);
            for (ChildNumber step : origin.path()) {
                value.putInt(step.i());
            }
            map.put(keyWith(type, origin.publicKey().getPubKey()), value.array());
        }
    }

    private static byte[] keyWith(int type, byte[] keyData) {
        byte[] key = new byte[1 + keyData.length];
        key[0] = (byte) type;
        System.arraycopy(keyData, 0, key, 1, keyData.length);
        return key;
    }

    /** Collects one map's pairs and writes them sorted by key, refusing a key twice. */
    private static final class MapWriter {
        private final List<byte[][]> pairs = new ArrayList<>();

        void put(byte[] key, byte[] value) {
            for (byte[][] pair : pairs) {
                if (Arrays.equals(pair[0], key)) {
                    throw new PsbtFormatException("duplicate key " + HEX.formatHex(key));
                }
            }
            pairs.add(new byte[][] {key, value});
        }

        void putUnknown(List<UnknownEntry> unknown) {
            for (UnknownEntry e : unknown) {
                put(HEX.parseHex(e.keyHex()), HEX.parseHex(e.valueHex()));
            }
        }

        void writeTo(ByteArrayOutputStream out) {
            pairs.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
            for (byte[][] pair : pairs) {
                out.writeBytes(VarInt.of(pair[0].length).serialize());
                out.writeBytes(pair[0]);
                out.writeBytes(VarInt.of(pair[1].length).serialize());
                out.writeBytes(pair[1]);
            }
            out.write(0x00);
        }
    }

    // ------------------------------------------------------------------------------------------------ decoding

    /**
     * @return the PSBT the bytes encode.
     * @throws PsbtFormatException if they are not a PSBT this codec accepts (see the class comment).
     */
    public static Psbt decode(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        try {
            byte[] magic = new byte[MAGIC.length];
            buf.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new PsbtFormatException("not a PSBT: wrong magic bytes");
            }
            byte[] unsigned = null;
            List<UnknownEntry> unknownGlobals = new ArrayList<>();
            for (byte[][] pair : readMap(buf)) {
                byte[] key = pair[0];
                byte[] value = pair[1];
                int type = key[0] & 0xff;
                if (type == GLOBAL_UNSIGNED_TX) {
                    requireKeyLength(key, 1, "unsigned transaction");
                    unsigned = value;
                } else if (type == GLOBAL_VERSION) {
                    requireKeyLength(key, 1, "version");
                    if (value.length != 4 || ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getInt() != 0) {
                        throw new PsbtFormatException("only PSBT version 0 is supported");
                    }
                    unknownGlobals.add(new UnknownEntry(HEX.formatHex(key), HEX.formatHex(value)));
                } else {
                    unknownGlobals.add(new UnknownEntry(HEX.formatHex(key), HEX.formatHex(value)));
                }
            }
            if (unsigned == null) {
                throw new PsbtFormatException("the global map has no unsigned transaction");
            }
            Transaction tx = parseUnsigned(unsigned);
            List<PsbtInput> inputs = new ArrayList<>();
            for (int i = 0; i < tx.getInputs().size(); i++) {
                inputs.add(readInput(readMap(buf)));
            }
            List<PsbtOutput> outputs = new ArrayList<>();
            for (int i = 0; i < tx.getOutputs().size(); i++) {
                outputs.add(readOutput(readMap(buf)));
            }
            if (buf.hasRemaining()) {
                throw new PsbtFormatException(buf.remaining() + " bytes after the last output map");
            }
            return new Psbt(unsigned, inputs, outputs, unknownGlobals);
        } catch (BufferUnderflowException e) {
            throw new PsbtFormatException("truncated PSBT", e);
        }
    }

    /**
     * @return the transaction of a PSBT's global map.
     * @throws PsbtFormatException unless it is a complete transaction with at least one input and one output, no
     *                             scriptSig and no witness (BIP-174).
     */
    static Transaction parseUnsigned(byte[] bytes) {
        Transaction tx;
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            tx = Transaction.read(buf);
            if (buf.hasRemaining()) {
                throw new PsbtFormatException("bytes after the unsigned transaction");
            }
        } catch (ProtocolException | BufferUnderflowException | IllegalArgumentException e) {
            throw new PsbtFormatException("the unsigned transaction does not parse", e);
        }
        if (tx.getInputs().isEmpty() || tx.getOutputs().isEmpty()) {
            throw new PsbtFormatException("the unsigned transaction needs inputs and outputs");
        }
        for (TransactionInput in : tx.getInputs()) {
            if (in.getScriptBytes().length != 0 || in.hasWitness()) {
                throw new PsbtFormatException("the unsigned transaction carries a scriptSig or a witness");
            }
        }
        if (!Arrays.equals(tx.serialize(), bytes)) {
            throw new PsbtFormatException("the unsigned transaction is not in its canonical serialisation");
        }
        return tx;
    }

    private static PsbtInput readInput(List<byte[][]> pairs) {
        Transaction nonWitnessUtxo = null;
        WitnessUtxo witnessUtxo = null;
        List<PartialSignature> signatures = new ArrayList<>();
        Integer sighash = null;
        List<KeyOrigin> derivations = new ArrayList<>();
        Script finalScriptSig = null;
        TransactionWitness finalWitness = null;
        List<UnknownEntry> unknown = new ArrayList<>();
        for (byte[][] pair : pairs) {
            byte[] key = pair[0];
            byte[] value = pair[1];
            switch (key[0] & 0xff) {
                case IN_NON_WITNESS_UTXO -> {
                    requireKeyLength(key, 1, "non-witness UTXO");
                    nonWitnessUtxo = readWholeTransaction(value);
                }
                case IN_WITNESS_UTXO -> {
                    requireKeyLength(key, 1, "witness UTXO");
                    witnessUtxo = readWitnessUtxo(value);
                }
                case IN_PARTIAL_SIG -> {
                    ECKey pub = readPublicKey(key, "partial signature");
                    try {
                        signatures.add(new PartialSignature(pub,
                                TransactionSignature.decodeFromBitcoin(value, true, true)));
                    } catch (SignatureDecodeException | RuntimeException e) {
                        throw new PsbtFormatException("a partial signature is not a canonical DER signature", e);
                    }
                }
                case IN_SIGHASH_TYPE -> {
                    requireKeyLength(key, 1, "sighash type");
                    if (value.length != 4) {
                        throw new PsbtFormatException("a sighash type has 4 bytes");
                    }
                    sighash = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getInt();
                }
                case IN_BIP32_DERIVATION -> derivations.add(readOrigin(key, value));
                case IN_FINAL_SCRIPTSIG -> {
                    requireKeyLength(key, 1, "final scriptSig");
                    finalScriptSig = readScript(value);
                }
                case IN_FINAL_SCRIPTWITNESS -> {
                    requireKeyLength(key, 1, "final script witness");
                    finalWitness = readWitness(value);
                }
                case IN_REDEEM_SCRIPT, IN_WITNESS_SCRIPT -> {
                    // Defined by BIP-174 but not used by P2WPKH spends: kept as they came, after a shape check.
                    requireKeyLength(key, 1, "redeem or witness script");
                    unknown.add(new UnknownEntry(HEX.formatHex(key), HEX.formatHex(value)));
                }
                default -> unknown.add(new UnknownEntry(HEX.formatHex(key), HEX.formatHex(value)));
            }
        }
        return new PsbtInput(nonWitnessUtxo, witnessUtxo, signatures, sighash, derivations, finalScriptSig,
                finalWitness, unknown);
    }

    private static PsbtOutput readOutput(List<byte[][]> pairs) {
        List<KeyOrigin> derivations = new ArrayList<>();
        List<UnknownEntry> unknown = new ArrayList<>();
        for (byte[][] pair : pairs) {
            int type = pair[0][0] & 0xff;
            if (type == OUT_BIP32_DERIVATION) {
                derivations.add(readOrigin(pair[0], pair[1]));
            } else {
                if (type == OUT_REDEEM_SCRIPT || type == OUT_WITNESS_SCRIPT) {
                    requireKeyLength(pair[0], 1, "output redeem or witness script");
                }
                unknown.add(new UnknownEntry(HEX.formatHex(pair[0]), HEX.formatHex(pair[1])));
            }
        }
        return new PsbtOutput(derivations, unknown);
    }

    /** @return one map's key-value pairs, up to and including its 0x00 terminator. */
    private static List<byte[][]> readMap(ByteBuffer buf) {
        List<byte[][]> pairs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (true) {
            int keyLength = readLength(buf);
            if (keyLength == 0) {
                return pairs;
            }
            byte[] key = readBytes(buf, keyLength);
            byte[] value = readBytes(buf, readLength(buf));
            if (!seen.add(HEX.formatHex(key))) {
                throw new PsbtFormatException("duplicate key " + HEX.formatHex(key));
            }
            pairs.add(new byte[][] {key, value});
        }
    }

    private static int readLength(ByteBuffer buf) {
        VarInt length = VarInt.read(buf);
        if (length.getOriginalSizeInBytes() != length.getSizeInBytes()) {
            throw new PsbtFormatException("non-minimal compact size");
        }
        if (!length.fitsInt() || length.intValue() < 0 || length.intValue() > buf.remaining()) {
            throw new PsbtFormatException("a length runs past the end of the PSBT");
        }
        return length.intValue();
    }

    private static byte[] readBytes(ByteBuffer buf, int length) {
        byte[] bytes = new byte[length];
        buf.get(bytes);
        return bytes;
    }

    private static void requireKeyLength(byte[] key, int length, String what) {
        if (key.length != length) {
            throw new PsbtFormatException("the " + what + " key has " + (key.length - 1) + " bytes of key data, "
                    + "expected " + (length - 1));
        }
    }

    private static ECKey readPublicKey(byte[] key, String what) {
        requireKeyLength(key, 34, what);
        byte[] pub = Arrays.copyOfRange(key, 1, key.length);
        if (pub[0] != 2 && pub[0] != 3) {
            throw new PsbtFormatException("the " + what + " key is not a compressed public key");
        }
        try {
            return ECKey.fromPublicOnly(pub);
        } catch (RuntimeException e) {
            throw new PsbtFormatException("the " + what + " key is not a point on secp256k1", e);
        }
    }

    private static KeyOrigin readOrigin(byte[] key, byte[] value) {
        ECKey pub = readPublicKey(key, "BIP32 derivation");
        if (value.length < 4 || value.length % 4 != 0) {
            throw new PsbtFormatException("a BIP32 derivation value is a fingerprint and 4-byte path steps");
        }
        ByteBuffer v = ByteBuffer.wrap(value);
        int fingerprint = v.getInt();
        v.order(ByteOrder.LITTLE_ENDIAN);
        List<ChildNumber> path = new ArrayList<>();
        while (v.hasRemaining()) {
            path.add(new ChildNumber(v.getInt()));
        }
        return new KeyOrigin(pub, fingerprint, path);
    }

    private static WitnessUtxo readWitnessUtxo(byte[] value) {
        ByteBuffer v = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        long amount = v.getLong();
        byte[] script = readBytes(v, readLength(v));
        if (v.hasRemaining()) {
            throw new PsbtFormatException("bytes after a witness UTXO");
        }
        if (amount < 0) {
            throw new PsbtFormatException("a witness UTXO amount cannot be negative");
        }
        return new WitnessUtxo(Coin.valueOf(amount), readScript(script));
    }

    private static Script readScript(byte[] program) {
        try {
            return Script.parse(program);
        } catch (ScriptException e) {
            throw new PsbtFormatException("a script does not parse", e);
        }
    }

    private static TransactionWitness readWitness(byte[] value) {
        ByteBuffer v = ByteBuffer.wrap(value);
        int count = readLength(v);
        List<byte[]> pushes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pushes.add(readBytes(v, readLength(v)));
        }
        if (v.hasRemaining()) {
            throw new PsbtFormatException("bytes after a final script witness");
        }
        return TransactionWitness.of(pushes);
    }

    private static Transaction readWholeTransaction(byte[] value) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(value);
            Transaction tx = Transaction.read(buf);
            if (buf.hasRemaining()) {
                throw new PsbtFormatException("bytes after a non-witness UTXO transaction");
            }
            return tx;
        } catch (ProtocolException | BufferUnderflowException | IllegalArgumentException e) {
            throw new PsbtFormatException("a non-witness UTXO does not parse", e);
        }
    }
}
