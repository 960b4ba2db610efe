package io.lantau.gateway.reserves;

import io.lantau.custody.reserves.AssetUnit;
import io.lantau.custody.reserves.FiatHolding;
import io.lantau.custody.reserves.ReserveAddress;
import io.lantau.custody.reserves.ReservesRoot;
import io.lantau.gateway.nativeapi.JsonBody;
import io.lantau.gateway.nativeapi.NativeError;
import io.lantau.gateway.nativeapi.NativeException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /staff/reserves/report}: {@code {rootId?, addresses: [{chain, address, signature}], fiat:
 * [{asset, amount, bankAccount}]}}, fiat amounts as decimal strings of whole units. Read strictly; a refusal names
 * the field.
 */
record AssetReportRequest(Long rootId, List<ReserveAddress> addresses, List<Fiat> fiat) {
    private static final int MAX_ITEMS = 1000;

    /** A declared bank balance in whole units, before the root says the asset's scale. */
    record Fiat(String asset, BigDecimal amount, String bankAccount) {
    }

    static AssetReportRequest read(JsonBody body) {
        body.allowOnly(Set.of("rootId", "addresses", "fiat"));
        Long rootId = body.has("rootId") ? body.requiredLong("rootId", 1, Long.MAX_VALUE) : null;
        List<ReserveAddress> addresses = new ArrayList<>();
        for (JsonBody a : body.optionalObjects("addresses", MAX_ITEMS)) {
            a.allowOnly(Set.of("chain", "address", "signature"));
            addresses.add(new ReserveAddress(a.requiredString("chain", 16), a.requiredString("address", 128),
                    a.requiredString("signature", 256)));
        }
        List<Fiat> fiat = new ArrayList<>();
        for (JsonBody f : body.optionalObjects("fiat", MAX_ITEMS)) {
            f.allowOnly(Set.of("asset", "amount", "bankAccount"));
            fiat.add(new Fiat(f.requiredString("asset", 16), f.requiredDecimal("amount"),
                    f.requiredString("bankAccount", 128)));
        }
        return new AssetReportRequest(rootId, addresses, fiat);
    }

    /** @return the fiat balances in the minor units of the root's assets. */
    List<FiatHolding> fiatHoldings(ReservesRoot root) {
        List<FiatHolding> holdings = new ArrayList<>(fiat.size());
        for (Fiat f : fiat) {
            AssetUnit unit = root.assets().stream().filter(a -> a.code().equals(f.asset())).findFirst()
                    .orElseThrow(() -> new NativeException(ReservesError.INVALID_RESERVES_REPORT_INPUT,
                            "asset " + f.asset() + " is not among the root's assets"));
            long amountMinor;
            try {
                amountMinor = f.amount().movePointRight(unit.scale()).longValueExact();
            } catch (ArithmeticException e) {
                throw new NativeException(NativeError.INVALID_VALUE, "fiat amount " + f.amount().toPlainString()
                        + " is finer than the " + unit.code() + " minor unit or too large");
            }
            holdings.add(new FiatHolding(f.asset(), amountMinor, f.bankAccount()));
        }
        return holdings;
    }
}
