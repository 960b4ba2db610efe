package io.lantau.custody.reserves;

import io.lantau.custody.chain.ChainAdapter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The asset side of proof of reserves (PoR-1): against the liabilities a published root states, what the platform
 * holds per asset — the on-chain balances of its addresses (each counted only with a valid signature proving control,
 * over a message naming the address and the root) plus declared fiat bank balances — and whether assets ≥ liabilities
 * for every asset.
 *
 * <p><b>Units, exactly:</b> each asset is compared in the finer of its book minor unit and its chain base unit: ETH
 * liabilities kept in 1e-8 are multiplied by 10^10 to meet balances in wei, never the wei divided down. All amounts
 * are {@link BigInteger}; nothing is rounded.
 *
 * <p>Immutable once built.
 */
public final class ReservesReport {

    /** One reserve address: its confirmed balance in the chain's base units and whether control was proven. */
    public record AddressLine(String chain, String address, BigInteger balanceBaseUnits, boolean controlProven) {
    }

    /**
     * One asset. All amounts are in units of 10^-{@code decimals} of the asset.
     *
     * @param onChain the proven addresses' balances only.
     */
    public record AssetLine(String assetCode, int decimals, BigInteger liabilities, BigInteger onChain,
            BigInteger fiat) {

        public BigInteger assets() {
            return onChain.add(fiat);
        }

        /** @return assets ≥ liabilities. */
        public boolean covered() {
            return assets().compareTo(liabilities) >= 0;
        }

        /** @return {@code amount} of this line's unit as a plain decimal of whole units. */
        public String format(BigInteger amount) {
            BigDecimal units = new BigDecimal(amount, decimals).stripTrailingZeros();
            return units.signum() == 0 ? "0" : units.toPlainString();
        }
    }

    private final ReservesRoot root;
    private final List<AddressLine> addresses;
    private final List<AssetLine> assets;

    private ReservesReport(ReservesRoot root, List<AddressLine> addresses, List<AssetLine> assets) {
        this.root = root;
        this.addresses = List.copyOf(addresses);
        this.assets = List.copyOf(assets);
    }

    /** @return the message each reserve address signs for {@code rootHash}: control now, not at some past time. */
    public static String controlMessage(String address, String rootHash) {
        return "Lantau proof of reserves: the platform controls " + address + " at liabilities root " + rootHash;
    }

    /**
     * Reads each address's balance from its chain and checks its control proof.
     *
     * @param adapters  by chain code; every chain of {@code addresses} must have one.
     * @param verifiers by chain code; an address of a chain without one is reported unproven and not counted.
     * @throws ReservesException for an address twice, a chain without an adapter or whose asset the root does not
     *                           list, or a fiat holding in an unknown asset or negative.
     */
    public static ReservesReport build(ReservesRoot root, List<ReserveAddress> addresses, List<FiatHolding> fiat,
            Map<String, ChainAdapter> adapters, Map<String, ControlProofVerifier> verifiers) {
        int n = root.assets().size();
        BigInteger[] onChainBase = new BigInteger[n];
        BigInteger[] fiatMinor = new BigInteger[n];
        int[] baseDecimals = new int[n];
        for (int i = 0; i < n; i++) {
            onChainBase[i] = BigInteger.ZERO;
            fiatMinor[i] = BigInteger.ZERO;
            baseDecimals[i] = root.assets().get(i).scale();
        }
        List<AddressLine> addressLines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ReserveAddress reserve : addresses) {
            if (!seen.add(reserve.chain() + ":" + reserve.address())) {
                throw new ReservesException("address " + reserve.address() + " is listed twice");
            }
            ChainAsset chainAsset = ChainAsset.of(reserve.chain())
                    .orElseThrow(() -> new ReservesException("unknown chain " + reserve.chain()));
            ChainAdapter adapter = adapters.get(reserve.chain());
            if (adapter == null) {
                throw new ReservesException("no adapter for chain " + reserve.chain());
            }
            int asset = indexOf(root, chainAsset.assetCode());
            baseDecimals[asset] = chainAsset.baseUnitDecimals();
            ControlProofVerifier verifier = verifiers.get(reserve.chain());
            boolean proven = verifier != null && verifier.proves(reserve.address(),
                    controlMessage(reserve.address(), root.rootHash()), reserve.signature());
            BigInteger balance = adapter.balanceOf(reserve.address());
            addressLines.add(new AddressLine(reserve.chain(), reserve.address(), balance, proven));
            if (proven) {
                onChainBase[asset] = onChainBase[asset].add(balance);
            }
        }
        for (FiatHolding holding : fiat) {
            if (holding.amountMinor() < 0) {
                throw new ReservesException("the fiat balance of " + holding.bankAccount() + " is negative");
            }
            int asset = indexOf(root, holding.assetCode());
            fiatMinor[asset] = fiatMinor[asset].add(BigInteger.valueOf(holding.amountMinor()));
        }
        List<AssetLine> assetLines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int scale = root.assets().get(i).scale();
            int decimals = Math.max(scale, baseDecimals[i]);
            assetLines.add(new AssetLine(root.assets().get(i).code(), decimals,
                    shift(BigInteger.valueOf(root.totalsMinor().get(i)), scale, decimals),
                    shift(onChainBase[i], baseDecimals[i], decimals), shift(fiatMinor[i], scale, decimals)));
        }
        return new ReservesReport(root, addressLines, assetLines);
    }

    private static int indexOf(ReservesRoot root, String assetCode) {
        for (int i = 0; i < root.assets().size(); i++) {
            if (root.assets().get(i).code().equals(assetCode)) {
                return i;
            }
        }
        throw new ReservesException("asset " + assetCode + " is not among the root's assets");
    }

    /** @return {@code amount} in units of 10^-from expressed in units of 10^-to (to ≥ from): exact. */
    private static BigInteger shift(BigInteger amount, int from, int to) {
        return amount.multiply(BigInteger.TEN.pow(to - from));
    }

    public ReservesRoot root() {
        return root;
    }

    public List<AddressLine> addresses() {
        return addresses;
    }

    public List<AssetLine> assets() {
        return assets;
    }

    /** @return the line of {@code assetCode}. */
    public AssetLine asset(String assetCode) {
        return assets.get(indexOf(root, assetCode));
    }

    /** @return whether assets ≥ liabilities for every asset. */
    public boolean assetsCoverLiabilities() {
        return assets.stream().allMatch(AssetLine::covered);
    }

    /** @return the report as text for the auditor: one line per asset, then one per address. */
    public String toText() {
        StringBuilder text = new StringBuilder("Proof of reserves for root " + root.rootHash() + " (sequence "
                + root.snapshotSequence() + ", " + root.snapshotTime() + ")\n");
        for (AssetLine line : assets) {
            text.append(String.format("%-6s liabilities %s, assets %s (on chain %s, fiat %s): %s%n",
                    line.assetCode(), line.format(line.liabilities()), line.format(line.assets()),
                    line.format(line.onChain()), line.format(line.fiat()),
                    line.covered() ? "COVERED" : "SHORT by " + line.format(line.liabilities().subtract(
                            line.assets()))));
        }
        for (AddressLine address : addresses) {
            text.append(String.format("%s %s: %s base units, control %s%n", address.chain(), address.address(),
                    address.balanceBaseUnits(), address.controlProven() ? "proven" : "NOT proven (not counted)"));
        }
        return text.toString();
    }
}
