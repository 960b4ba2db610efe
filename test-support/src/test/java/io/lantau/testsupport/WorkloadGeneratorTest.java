package io.lantau.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lantau.core.BookKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.command.AmendOrder;
import io.lantau.core.command.CancelOrder;
import io.lantau.core.command.Command;
import io.lantau.core.command.PlaceOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WorkloadGeneratorTest {

    @Test
    void shouldGenerateTheSameCommandsWhenGivenTheSameSeed() {
        Workload first = WorkloadGenerator.generate(WorkloadConfig.singleMarket(20_000, 7));
        Workload second = WorkloadGenerator.generate(WorkloadConfig.singleMarket(20_000, 7));

        assertThat(Arrays.asList(second.setupCommands())).isEqualTo(Arrays.asList(first.setupCommands()));
        assertThat(Arrays.asList(second.commands())).isEqualTo(Arrays.asList(first.commands()));
        assertThat(second.expectedStateHashHex()).isEqualTo(first.expectedStateHashHex());
    }

    @Test
    void shouldGenerateDifferentCommandsWhenGivenAnotherSeed() {
        Workload first = WorkloadGenerator.generate(WorkloadConfig.singleMarket(5_000, 1));
        Workload second = WorkloadGenerator.generate(WorkloadConfig.singleMarket(5_000, 2));

        assertThat(Arrays.asList(second.commands())).isNotEqualTo(Arrays.asList(first.commands()));
    }

    @Test
    void shouldKeepTheMixOfExchangeCoresThroughputTest() {
        Workload workload = WorkloadGenerator.generate(WorkloadConfig.singleMarket(200_000, 3));

        for (CommandKind kind : CommandKind.values()) {
            double share = workload.kindCounts().getOrDefault(kind, 0) / (double) workload.commands().length;
            double target = kind.weight() / (double) CommandKind.TOTAL_WEIGHT;
            assertThat(share).as(kind + " share").isCloseTo(target, within(Math.max(0.01, target * 0.2)));
        }
    }

    @Test
    void shouldKeepAboutTheTargetNumberOfOpenOrders() {
        Workload workload = WorkloadGenerator.generate(WorkloadConfig.singleMarket(100_000, 4));

        assertThat(workload.openOrdersAtEnd()).isBetween(800, 1_200);
        assertThat(workload.trades()).isPositive();
    }

    @Test
    void shouldIssueAlmostOnlyValidCommands() {
        Workload workload = WorkloadGenerator.generate(WorkloadConfig.singleMarket(100_000, 5));

        assertThat(workload.rejectedCount()).as("rejections %s", workload.rejections())
                .isLessThan(workload.commands().length / 1_000);
    }

    @Test
    void shouldReachTheGeneratorsStateHashWhenReplayedOnAFreshCore() {
        Workload workload = WorkloadGenerator.generate(WorkloadConfig.singleMarket(30_000, 6));

        ExchangeCore core = workload.newCoreAfterSetup(BookKind.FAST);
        workload.apply(core, 0, workload.commands().length, CoreEventListener.NO_OP);

        assertThat(core.stateHashHex()).isEqualTo(workload.expectedStateHashHex());
        LedgerInvariant.verify(core);
    }

    @Test
    void shouldGiveEqualStateOnTheReferenceBook() {
        Workload workload = WorkloadGenerator.generate(WorkloadConfig.singleMarket(20_000, 8));

        ExchangeCore core = workload.newCoreAfterSetup(BookKind.REFERENCE);
        workload.apply(core, 0, workload.commands().length, CoreEventListener.NO_OP);

        assertThat(core.stateHashHex()).isEqualTo(workload.expectedStateHashHex());
    }

    @Test
    void shouldSpreadOrdersOverStandardMarkets() {
        Workload workload = WorkloadGenerator.generate(WorkloadConfig.manyMarkets(50_000, 7, 9));

        assertThat(Arrays.stream(workload.commands()).map(WorkloadGeneratorTest::marketOf).distinct().count())
                .isEqualTo(7);
        assertThat(workload.rejectedCount()).as("rejections %s", workload.rejections())
                .isLessThan(workload.commands().length / 1_000);
    }

    @Test
    void shouldGenerateAConfigurationWhenAskedForMoreMarketsThanStandard() {
        Workload workload = WorkloadGenerator.generate(WorkloadConfig.manyMarkets(50_000, 20, 10));

        assertThat(workload.coreConfig().markets()).hasSize(20);
        assertThat(workload.rejectedCount()).as("rejections %s", workload.rejections())
                .isLessThan(workload.commands().length / 1_000);
        ExchangeCore core = workload.newCoreAfterSetup(BookKind.FAST);
        workload.apply(core, 0, workload.commands().length, CoreEventListener.NO_OP);
        LedgerInvariant.verify(core);
    }

    private static int marketOf(Command command) {
        return switch (command) {
            case PlaceOrder p -> p.marketId();
            case CancelOrder c -> c.marketId();
            case AmendOrder a -> a.marketId();
            default -> -1;
        };
    }
}
