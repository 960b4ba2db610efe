/**
 * The travel rule (REGULATORY.md HK-22, AML Guideline 12.11): originator and beneficiary data in the IVMS 101 data
 * model ({@link io.lantau.custody.travelrule.Ivms101}) for virtual-asset transfers at or above the profile's
 * {@code travelRule.thresholdMinor} (HK$8,000 under HK_VATP), valued by a {@link
 * io.lantau.custody.travelrule.Valuation} in the profile's valuation currency. {@link
 * io.lantau.custody.travelrule.TravelRule} refuses an outgoing transfer at or above the threshold without complete
 * data and keeps the data it sends with the transfer; {@link io.lantau.custody.travelrule.DepositGate} holds an
 * incoming deposit at or above the threshold until its originator data is present.
 */
package io.lantau.custody.travelrule;
