/**
 * The relational store and the read models: Flyway migrations shared by H2 and PostgreSQL, JDBC repositories, and
 * the projections that turn the core's events into what queries need. Projections may lag the core; they never
 * decide anything the core decides.
 */
package io.lantau.store;
