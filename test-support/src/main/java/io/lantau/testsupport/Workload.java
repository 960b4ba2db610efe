package io.lantau.testsupport;

import io.lantau.core.BookKind;
import io.lantau.core.CoreEventListener;
import io.lantau.core.ExchangeCore;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.config.CoreConfig;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A generated command stream: set-up commands (accounts, deposits, the initial book) that are not measured, then the
 * measured trading commands. Both are plain arrays, made before any measurement starts.
 *
 * <p>Sequence numbers and timestamps are part of the workload: command {@code k} of the whole stream (set-up first,
 * counting from 1) runs as sequence {@code k} at {@link #timestampNanos(long) timestampNanos(k)}. Applied that way to
 * a fresh core, the stream ends in {@link #expectedStateHashHex()}, the hash the generator saw.
 */
public final class Workload {
    /** The sequencer time of sequence 0: an arbitrary fixed instant (November 2023), one microsecond per command. */
    public static final long EPOCH_NANOS = 1_700_000_000_000_000_000L;

    private final WorkloadConfig workloadConfig;
    private final CoreConfig coreConfig;
    private final Command[] setupCommands;
    private final Command[] commands;
    private final EnumMap<CommandKind, Integer> kindCounts;
    private final EnumMap<ResultCode, Integer> rejections;
    private final long trades;
    private final int openOrdersAtEnd;
    private final String expectedStateHashHex;

    Workload(WorkloadConfig workloadConfig, CoreConfig coreConfig, Command[] setupCommands, Command[] commands,
            EnumMap<CommandKind, Integer> kindCounts, EnumMap<ResultCode, Integer> rejections, long trades,
            int openOrdersAtEnd, String expectedStateHashHex) {
        this.workloadConfig = workloadConfig;
        this.coreConfig = coreConfig;
        this.setupCommands = setupCommands;
        this.commands = commands;
        this.kindCounts = kindCounts;
        this.rejections = rejections;
        this.trades = trades;
        this.openOrdersAtEnd = openOrdersAtEnd;
        this.expectedStateHashHex = expectedStateHashHex;
    }

    /** @return the sequencer timestamp of a sequence number in every workload. */
    public static long timestampNanos(long sequence) {
        return EPOCH_NANOS + sequence * 1_000L;
    }

    public WorkloadConfig workloadConfig() {
        return workloadConfig;
    }

    public CoreConfig coreConfig() {
        return coreConfig;
    }

    /** @return the unmeasured set-up commands; the caller must not modify the array. */
    public Command[] setupCommands() {
        return setupCommands;
    }

    /** @return the measured commands; the caller must not modify the array. */
    public Command[] commands() {
        return commands;
    }

    /** @return the sequence number of measured command {@code index}. */
    public long sequenceOf(int index) {
        return setupCommands.length + 1L + index;
    }

    /** @return how many measured commands of each kind the stream holds. */
    public Map<CommandKind, Integer> kindCounts() {
        return Collections.unmodifiableMap(kindCounts);
    }

    /** @return rejections among the measured commands, by code, as the generator's own run saw them. */
    public Map<ResultCode, Integer> rejections() {
        return Collections.unmodifiableMap(rejections);
    }

    public int rejectedCount() {
        return rejections.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return trades the measured commands produce. */
    public long trades() {
        return trades;
    }

    public int openOrdersAtEnd() {
        return openOrdersAtEnd;
    }

    /** @return the state hash after the whole stream, as the generator's own core reported it. */
    public String expectedStateHashHex() {
        return expectedStateHashHex;
    }

    /** @return a fresh core with the set-up commands applied: ready for the measured commands. */
    public ExchangeCore newCoreAfterSetup(BookKind bookKind) {
        ExchangeCore core = new ExchangeCore(coreConfig, bookKind);
        for (int i = 0; i < setupCommands.length; i++) {
            long sequence = i + 1L;
            core.apply(sequence, timestampNanos(sequence), setupCommands[i], CoreEventListener.NO_OP);
        }
        return core;
    }

    /** Applies measured commands {@code from} (inclusive) to {@code to} (exclusive) with their sequence numbers. */
    public void apply(ExchangeCore core, int from, int to, CoreEventListener listener) {
        for (int i = from; i < to; i++) {
            long sequence = sequenceOf(i);
            core.apply(sequence, timestampNanos(sequence), commands[i], listener);
        }
    }

    /** @return e.g. {@code PLACE_GTC 12.61% PLACE_IOC 1.80% ...} over the measured commands. */
    public String mixSummary() {
        StringBuilder text = new StringBuilder();
        for (CommandKind kind : CommandKind.values()) {
            int count = kindCounts.getOrDefault(kind, 0);
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(kind).append(' ')
                    .append(String.format("%.2f%%", commands.length == 0 ? 0.0 : 100.0 * count / commands.length));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return String.format("%,d set-up + %,d measured commands over %d market(s), %,d accounts; %s; %,d trades, "
                + "%,d rejected, %,d open orders at end", setupCommands.length, commands.length,
                workloadConfig.markets(), workloadConfig.accounts(), mixSummary(), trades, rejectedCount(),
                openOrdersAtEnd);
    }
}
