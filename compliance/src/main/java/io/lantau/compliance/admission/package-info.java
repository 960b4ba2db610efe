/**
 * The token admission register (HK-10 .. HK-14): for each virtual asset, the due-diligence checklist of VATP
 * Guidelines 7.6 (a)-(j), the smart-contract audit or the reliance rationale, the index memberships that make it a
 * retail-eligible large-cap asset, and the decisions of the Token Admission &amp; Review Committee with quorum, votes
 * and reasons. {@link io.lantau.compliance.admission.TokenAdmissionService} is the entry point; its decisions reach
 * the core as {@code SetRetailAccess} commands, which the core enforces on every retail order.
 */
package io.lantau.compliance.admission;
