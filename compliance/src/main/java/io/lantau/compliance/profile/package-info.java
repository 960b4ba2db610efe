/**
 * Jurisdiction profiles as data (DESIGN.md §5): one JSON file per jurisdiction ({@code HK_VATP}, the default of
 * {@code lantau serve}; {@code CN_DIGITAL_COLLECTIBLES}; {@code OPEN} for development), loaded and validated by
 * {@link io.lantau.compliance.profile.ProfileLoader} into an immutable
 * {@link io.lantau.compliance.profile.JurisdictionProfile}. Every licensing threshold lives in the profile, not in
 * code: each package that enforces a kind of rule binds its own section of the profile to a record of its own with
 * {@link io.lantau.compliance.profile.JurisdictionProfile#section(String, Class)}.
 */
package io.lantau.compliance.profile;
