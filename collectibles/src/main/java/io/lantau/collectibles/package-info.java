/**
 * Digital collectibles beside the core (DESIGN.md §1): issuers and their IP authorisations, collections and unique
 * items with content-addressed media, drops with a committed fair draw, the secondary market, gifts and wind-down,
 * each under the rules of the jurisdiction profile in force (REGULATORY.md §B, CN-01 … CN-10). Ownership lives in the
 * core: every change of owner is a core command sent through a {@code CommandSubmitter}; the tables here hold
 * metadata, the workflow records and a read model of ownership, never the ownership itself.
 */
package io.lantau.collectibles;
