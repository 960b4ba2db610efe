package io.lantau.bench;

/**
 * What one iteration measured.
 *
 * @param elapsedNanos from the first measured command's start to the last one's result.
 * @param trades       trades of the measured commands.
 * @param rejections   rejected measured commands.
 * @param replayNanos  time to recover the core from the iteration's journal, or -1 without a journal.
 * @param replayedCommands commands (set-up included) that recovery applied, or 0 without a journal.
 * @param involuntarySwitches times the OS preempted the driver thread while it ran the measured commands (without a
 *                         journal: the thread that runs the core), or -1 if unknown.
 */
record IterationResult(long elapsedNanos, long trades, long rejections, long replayNanos, long replayedCommands,
        long involuntarySwitches) {
}
