package io.lantau.compliance.onboarding;

/**
 * A document as the client uploads it.
 *
 * @param contentType its media type (e.g. "image/jpeg", "application/pdf"), up to 128 characters.
 * @param content     the bytes, 1 byte to {@value OnboardingService#MAX_DOCUMENT_BYTES} bytes; not copied.
 */
public record DocumentUpload(DocumentKind kind, String contentType, byte[] content) {
}
