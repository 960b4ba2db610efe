/**
 * Static configuration of the core: assets with their scales, markets with tick, lot and limits, and the fee schedule.
 * The one place that converts between decimal amounts at the edges and the core's integer units.
 */
package io.lantau.core.config;
