package io.lantau.gateway.nativeapi;

/**
 * A stable refusal code of the native API: its name (never renamed or reused), HTTP status and human message. {@link
 * NativeError} holds the API's own codes; each group of endpoints ({@link EndpointGroup}) may keep its codes in an
 * enum of its own that implements this, so that the groups do not share one growing list.
 */
public interface ErrorCode {
    /** @return the code clients match on: an upper-case name. */
    String code();

    int httpStatus();

    String message();
}
