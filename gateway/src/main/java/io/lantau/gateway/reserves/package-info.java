/**
 * The proof-of-reserves endpoints of the native API (REGULATORY.md PoR-1, PoR-2): the latest published root for
 * anyone, each client's own inclusion proof for their session, and publication on demand for custody staff.
 */
package io.lantau.gateway.reserves;
