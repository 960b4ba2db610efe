/**
 * Sanctions name screening (HK-24): the UN Security Council Consolidated List read from its published XML
 * ({@link io.lantau.compliance.screening.SanctionsListLoader}), fuzzy name matching
 * ({@link io.lantau.compliance.screening.NameScreener}) and the service that screens every client at onboarding and
 * again whenever a list is (re)loaded, opens a case for each hit and freezes the account through the core
 * ({@link io.lantau.compliance.screening.ScreeningService}).
 *
 * <p>REGULATORY.md HK-24 has no primary HK text behind it; the behaviour (screen on onboarding and on list refresh,
 * hits to case management, account frozen pending review) is the industry practice it records.
 */
package io.lantau.compliance.screening;
