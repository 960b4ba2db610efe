/**
 * Measurement of the core and the journal: the load driver ({@link io.lantau.bench.CoreLoadDriver}, behind
 * {@code lantau bench core}) that replays a generated workload and reports throughput and latency percentiles, and
 * the JMH benchmarks ({@code *Benchmark}) of single book operations through the core's public API. Nothing here runs
 * as a test; figures go to BENCHMARKS.md with the command that produced them.
 */
package io.lantau.bench;
