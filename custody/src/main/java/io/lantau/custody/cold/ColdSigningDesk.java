package io.lantau.custody.cold;

import io.lantau.custody.btc.Psbt;
import io.lantau.custody.btc.PsbtCodec;
import io.lantau.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The platform's side of offline signing (REGULATORY.md HK-16 cold storage, HK-17 transfers out of cold storage):
 * records each exported unsigned transaction and accepts back only a signed transaction that is exactly that one,
 * correctly signed by the expected key. A refused import changes nothing; an accepted one is recorded once, and
 * importing the same signed transaction again returns the same result (the carrier may retry).
 *
 * <p>What the desk does not do: approve the transfer. Callers export only after the transfer's approvals (HK-17
 * maker-checker) and broadcast the returned {@link SignedTransaction} through the chain adapter. Thread-safe.
 */
public final class ColdSigningDesk {
    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, SignedImportVerifier> verifiers = Map.of(
            "BTC", new BitcoinImportVerifier(), "ETH", new EthereumImportVerifier());

    public ColdSigningDesk(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records a PSBT for the offline signer.
     *
     * @return the request; its {@link ColdSigningRequest#exportedPayload()} is the base64 PSBT to carry over.
     * @throws IllegalArgumentException if an input has no witness UTXO or not exactly one key origin, or the key
     *                                  origins name different master keys.
     */
    public ColdSigningRequest exportBitcoin(Psbt psbt, String purpose) {
        Integer fingerprint = null;
        for (var input : psbt.inputs()) {
            if (input.witnessUtxo() == null || input.derivations().size() != 1) {
                throw new IllegalArgumentException("each input needs its witness UTXO and its one key origin");
            }
            int f = input.derivations().get(0).masterFingerprint();
            if (fingerprint != null && fingerprint != f) {
                throw new IllegalArgumentException("all inputs must come from one master key");
            }
            fingerprint = f;
        }
        return insert("BTC", purpose, PsbtCodec.toBase64(psbt), HexFormat.of().toHexDigits(fingerprint));
    }

    /**
     * Records an unsigned EIP-1559 transaction for the offline signer.
     *
     * @return the request; its {@link ColdSigningRequest#exportedPayload()} is the JSON export to carry over.
     */
    public ColdSigningRequest exportEthereum(EthereumColdExport export, String purpose) {
        EthereumImportVerifier.eip1559(org.web3j.crypto.TransactionDecoder.decode(export.unsignedHex()));
        return insert("ETH", purpose, export.toJson(), export.from());
    }

    /**
     * Imports the signed transaction of request {@code id}.
     *
     * @param signedPayload the signed PSBT (base64) or the signed Ethereum transaction (hex RLP).
     * @return the verified network transaction.
     * @throws ColdSigningException with a stable code if the import is refused; nothing is recorded then.
     */
    public SignedTransaction importSigned(long id, String signedPayload) {
        ColdSigningRequest request = find(id).orElseThrow(() ->
                new ColdSigningException(ColdSigningCode.UNKNOWN_REQUEST, "no cold signing request " + id));
        SignedTransaction signed = verifiers.get(request.chain())
                .verify(request.exportedPayload(), request.expectedSigner(), signedPayload);
        return Jdbc.inTransaction(dataSource, "record a signed cold transaction", c -> {
            ColdSigningRequest current = select(c, id, true).orElseThrow();
            if (current.status() == ColdSigningRequest.Status.SIGNED) {
                if (!current.signedTxid().equals(signed.txid())) {
                    throw new ColdSigningException(ColdSigningCode.ALREADY_IMPORTED,
                            "request " + id + " was completed with transaction " + current.signedTxid());
                }
                return signed;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE cold_signing_requests SET status = 'SIGNED', "
                    + "signed_txid = ?, signed_raw_hex = ?, signed_at = ? WHERE id = ?")) {
                ps.setString(1, signed.txid());
                ps.setString(2, signed.rawHex());
                Jdbc.setInstant(ps, 3, clock.instant());
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            return signed;
        });
    }

    /** @return the request, if it exists. */
    public Optional<ColdSigningRequest> find(long id) {
        return Jdbc.inTransaction(dataSource, "read a cold signing request", c -> select(c, id, false));
    }

    private ColdSigningRequest insert(String chain, String purpose, String payload, String signer) {
        if (purpose == null || purpose.isBlank() || purpose.length() > 128) {
            throw new IllegalArgumentException("a purpose of 1 to 128 characters is required");
        }
        long id = Jdbc.inTransaction(dataSource, "export a cold signing request", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cold_signing_requests (chain, purpose, "
                    + "exported_payload, expected_signer, status, created_at) VALUES (?, ?, ?, ?, 'EXPORTED', ?)",
                    new String[] {"id"})) {
                ps.setString(1, chain);
                ps.setString(2, purpose);
                ps.setString(3, payload);
                ps.setString(4, signer);
                Jdbc.setInstant(ps, 5, clock.instant());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new ColdSigningRequest(id, chain, purpose, payload, signer, ColdSigningRequest.Status.EXPORTED, null);
    }

    private static Optional<ColdSigningRequest> select(Connection c, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, chain, purpose, exported_payload, expected_signer, "
                + "status, signed_txid FROM cold_signing_requests WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ColdSigningRequest(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), ColdSigningRequest.Status.valueOf(rs.getString(6)),
                        rs.getString(7)));
            }
        }
    }
}
