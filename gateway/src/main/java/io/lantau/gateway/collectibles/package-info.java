/**
 * The native API's collectibles endpoints (issue 6, REGULATORY.md §B) under {@code /collectibles}: issuers and IP
 * authorisations (staff decide), media, collections and items, drops with their verifiable draw, listings and
 * offers, gifts, provenance, wind-down and ERC-721 export. Every route keeps the API's discipline (strict JSON, stable
 * codes, no state change on a refusal) and checks that the caller owns what an id names.
 */
package io.lantau.gateway.collectibles;
