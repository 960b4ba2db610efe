/**
 * The native API's endpoints of the licensing framework (issue 4): the jurisdiction profile in force, the client's
 * KYC, suitability gates and access log (HK-01 .. HK-08, HK-23), and the staff's review queue, classification,
 * name screening (HK-24), token admission register (HK-10 .. HK-14), incentive campaigns (HK-05) and audit trail
 * (HK-33, HK-34). Each group is an {@link io.lantau.gateway.nativeapi.EndpointGroup} over the services of
 * {@code io.lantau.compliance}; the wiring adds it with {@code NativeApi#add}.
 *
 * <p>The services refuse with enums of their own ({@code OnboardingRefusal}, {@code SuitabilityRefusal} …);
 * {@link io.lantau.gateway.compliance.ComplianceRoutes} turns each into a native API refusal whose code is the
 * refusal's name, with the HTTP status of {@link io.lantau.gateway.compliance.RefusalStatuses}. Clients reach only
 * their own records: every client route reads the account from the session, never from the request. Staff routes
 * go through {@link io.lantau.gateway.nativeapi.StaffAccess}.
 */
package io.lantau.gateway.compliance;
