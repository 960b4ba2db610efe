package io.lantau.custody.travelrule;

import io.lantau.core.config.Asset;
import io.lantau.core.config.CoreConfig;
import io.lantau.custody.deposit.ObservedDeposit;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The chain deposit tracker's {@link io.lantau.custody.deposit.DepositGate} backed by the travel rule (HK-22): a
 * confirmed deposit is credited only if {@link DepositGate#mayCredit} allows it; a held one is asked again on every
 * tracker pass and credited on the first pass after {@link DepositGate#provideOriginator} released it. The transfer
 * reference is {@code chain:txid:outputIndex}.
 */
public final class TravelRuleDepositGate implements io.lantau.custody.deposit.DepositGate {
    private final DepositGate gate;
    private final Map<String, Integer> assetIds;

    public TravelRuleDepositGate(DepositGate gate, CoreConfig config) {
        this.gate = gate;
        this.assetIds = config.assets().stream().collect(Collectors.toUnmodifiableMap(Asset::code, Asset::assetId,
                (a, b) -> a));
    }

    /** @return the travel rule's reference of a chain deposit. */
    public static String transferRef(ObservedDeposit d) {
        return d.chain() + ":" + d.txid() + ":" + d.outputIndex();
    }

    @Override
    public Decision check(ObservedDeposit deposit) {
        if (deposit.creditMinor() <= 0) {
            return Decision.ALLOW; // dust only: nothing is credited
        }
        Integer assetId = assetIds.get(deposit.asset());
        if (assetId == null) {
            return Decision.HOLD;
        }
        return gate.mayCredit(new DepositGate.IncomingDeposit(transferRef(deposit), deposit.accountId(), assetId,
                deposit.creditMinor())) ? Decision.ALLOW : Decision.HOLD;
    }
}
