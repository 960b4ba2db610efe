package io.lantau.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lantau.core.command.Command;
import io.lantau.core.command.SettleWithdrawal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionQueueTest {
    private final Command[] commands = new Command[64];
    private final ResultListener[] listeners = new ResultListener[64];

    @Test
    void shouldRefuseOfferWhenFull() {
        SubmissionQueue queue = new SubmissionQueue(3);

        for (int i = 0; i < 4; i++) {
            assertThat(queue.offer(new SettleWithdrawal(i), ResultListener.NO_OP)).isTrue();
        }
        assertThat(queue.offer(new SettleWithdrawal(9), ResultListener.NO_OP)).isFalse();
        assertThat(queue.drain(commands, listeners, 2)).isEqualTo(2);
        assertThat(queue.offer(new SettleWithdrawal(9), ResultListener.NO_OP)).isTrue();
    }

    @Test
    void shouldDrainWhatWasQueuedBeforeCloseWhenClosed() {
        SubmissionQueue queue = new SubmissionQueue(8);
        queue.offer(new SettleWithdrawal(1), ResultListener.NO_OP);
        queue.close();

        assertThatThrownBy(() -> queue.offer(new SettleWithdrawal(2), ResultListener.NO_OP))
                .isInstanceOf(IllegalStateException.class);
        assertThat(queue.isClosedAndDrained()).isFalse();
        assertThat(queue.drain(commands, listeners, 64)).isEqualTo(1);
        assertThat(commands[0]).isEqualTo(new SettleWithdrawal(1));
        assertThat(queue.isClosedAndDrained()).isTrue();
    }

    @Test
    void shouldDeliverEveryPairOnceInPerProducerOrderWhenProducersRace() throws InterruptedException {
        SubmissionQueue queue = new SubmissionQueue(16);
        int producers = 3;
        int perProducer = 20_000;
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    long id = producer * 1_000_000L + i;
                    ResultListener listener = (s, c) -> { };
                    while (!queue.offer(new SettleWithdrawal(id), listener)) {
                        Thread.onSpinWait();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        long[] next = new long[producers];
        int received = 0;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (received < producers * perProducer && System.nanoTime() < deadline) {
            int n = queue.drain(commands, listeners, 64);
            for (int i = 0; i < n; i++) {
                long id = ((SettleWithdrawal) commands[i]).withdrawalId();
                int producer = (int) (id / 1_000_000L);
                assertThat(id % 1_000_000L).isEqualTo(next[producer]++);
                assertThat(listeners[i]).isNotNull();
            }
            received += n;
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(received).isEqualTo(producers * perProducer);
    }
}
