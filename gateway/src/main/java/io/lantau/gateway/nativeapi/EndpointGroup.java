package io.lantau.gateway.nativeapi;

/**
 * A set of native API endpoints that a module brings (onboarding, custody, collectibles…): the wiring adds it with
 * {@link NativeApi#add} before the server listens, and it registers its routes on {@link NativeRoutes}.
 */
@FunctionalInterface
public interface EndpointGroup {
    void register(NativeRoutes routes);
}
