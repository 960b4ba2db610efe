/**
 * Helpers that tests and benchmarks of every module share: above all the seeded {@link
 * io.lantau.testsupport.WorkloadGenerator}, which produces exchange-like command streams, valid against the core,
 * before anything is measured. Nothing here is used in production code.
 */
package io.lantau.testsupport;
