/**
 * The core's events as immutable records, named in the past tense, for projections and tests that want values rather
 * than callbacks. {@link io.lantau.core.event.EventRecorder} turns the callback stream into these records.
 */
package io.lantau.core.event;
