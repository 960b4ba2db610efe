package io.lantau.gateway.fiat;

import io.lantau.gateway.nativeapi.NativeRoutes;

/** Wraps a custody handler so that the custody services' refusals reach the client as {@link CustodyError}s. */
final class Guarded {
    private Guarded() {
    }

    static NativeRoutes.Handler guard(NativeRoutes.Handler handler) {
        return (request, session) -> {
            try {
                return handler.handle(request, session);
            } catch (RuntimeException e) {
                throw CustodyError.translate(e);
            }
        };
    }
}
