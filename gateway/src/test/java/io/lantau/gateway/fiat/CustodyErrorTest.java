package io.lantau.gateway.fiat;

import static org.assertj.core.api.Assertions.assertThat;

import io.lantau.custody.fiat.FiatException;
import io.lantau.custody.fiat.FiatRefusal;
import io.lantau.custody.hotcold.HotColdException;
import io.lantau.custody.hotcold.HotColdRefusal;
import io.lantau.custody.reconcile.ReconcileException;
import io.lantau.custody.reconcile.ReconcileRefusal;
import io.lantau.custody.travelrule.TravelRuleException;
import io.lantau.custody.travelrule.TravelRuleRefusal;
import io.lantau.gateway.nativeapi.NativeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every refusal of the custody services reaches the client as a 4xx/503 code of the same name, never a 500. */
class CustodyErrorTest {
    @Test
    void shouldTranslateEveryCustodyRefusalToACodeOfTheSameName() {
        List<RuntimeException> refusals = new ArrayList<>();
        for (FiatRefusal r : FiatRefusal.values()) {
            refusals.add(new FiatException(r, "d"));
        }
        for (HotColdRefusal r : HotColdRefusal.values()) {
            refusals.add(new HotColdException(r, "d"));
        }
        for (TravelRuleRefusal r : TravelRuleRefusal.values()) {
            refusals.add(new TravelRuleException(r, "d"));
        }
        for (ReconcileRefusal r : ReconcileRefusal.values()) {
            refusals.add(new ReconcileException(r));
        }

        for (RuntimeException refusal : refusals) {
            RuntimeException translated = CustodyError.translate(refusal);
            assertThat(translated).isInstanceOf(NativeException.class);
            NativeException n = (NativeException) translated;
            assertThat(refusal.getMessage()).startsWith(n.error().code());
            assertThat(n.error().httpStatus()).isBetween(400, 503).isNotEqualTo(500);
        }
        IllegalStateException other = new IllegalStateException("x");
        assertThat(CustodyError.translate(other)).isSameAs(other);
    }
}
