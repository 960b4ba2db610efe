package io.lantau.gateway.collectibles;

import io.lantau.collectibles.CollectiblesRefusal;
import io.lantau.gateway.nativeapi.ErrorCode;

/** A collectibles refusal as a native API error: the same stable name, status and message. */
record RefusalCode(CollectiblesRefusal refusal) implements ErrorCode {
    @Override
    public String code() {
        return refusal.name();
    }

    @Override
    public int httpStatus() {
        return refusal.httpStatus();
    }

    @Override
    public String message() {
        return refusal.message();
    }
}
