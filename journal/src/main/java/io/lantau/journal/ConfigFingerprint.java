package io.lantau.journal;

import io.lantau.core.config.Asset;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.FeeSchedule;
import io.lantau.core.config.MarketSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a canonical encoding of a {@link CoreConfig}, written into every segment and snapshot header so that a
 * journal is never replayed against a core configured differently. Decimals are compared by value (trailing zeros
 * do not count). A field added to the config must be added here too.
 */
final class ConfigFingerprint {
    static final int LENGTH = 32;

    private ConfigFingerprint() {
    }

    static byte[] of(CoreConfig config) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF("lantau-core-config-v1");
            out.writeInt(config.assets().size());
            for (Asset a : config.assets()) {
                out.writeInt(a.assetId());
                out.writeUTF(a.code());
                out.writeInt(a.scale());
                out.writeBoolean(a.fiat());
            }
            out.writeInt(config.markets().size());
            for (MarketSpec m : config.markets()) {
                out.writeInt(m.marketId());
                out.writeUTF(m.symbol());
                out.writeInt(m.base().assetId());
                out.writeInt(m.quote().assetId());
                out.writeUTF(plain(m.tickSize()));
                out.writeUTF(plain(m.lotSize()));
                out.writeLong(m.minQuantityLots());
                out.writeLong(m.maxQuantityLots());
                out.writeLong(m.maxPriceTicks());
                out.writeLong(m.minNotionalMinor());
                out.writeUTF(m.defaultStp().name());
                out.writeUTF(m.initialStatus().name());
            }
            FeeSchedule fees = config.fees();
            out.writeInt(fees.tierCount());
            for (int t = 0; t < fees.tierCount(); t++) {
                out.writeInt(fees.makerBps(t));
                out.writeInt(fees.takerBps(t));
            }
            out.writeLong(config.feeAccountId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    static String hex(byte[] fingerprint) {
        return HexFormat.of().formatHex(fingerprint, 0, 8);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
