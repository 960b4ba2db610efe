package io.lantau.collectibles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentIdTest {

    @Test
    void shouldComputeTheIpfsCidV1RawOfHelloWorld() {
        // `ipfs add --cid-version 1 --raw-leaves` of "hello world" (no newline) is this CID.
        ContentId id = ContentId.of("hello world".getBytes(StandardCharsets.US_ASCII));

        assertThat(id.cid()).isEqualTo("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
        assertThat(id.sha256Hex()).isEqualTo("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
    }

    @Test
    void shouldComputeTheSameCidFromTheDigestAsFromTheBytes() {
        byte[] bytes = "lantau".getBytes(StandardCharsets.UTF_8);
        ContentId id = ContentId.of(bytes);

        assertThat(ContentId.ofDigest(id.sha256Hex())).isEqualTo(id);
        assertThat(ContentId.of(new byte[0]).cid()).isEqualTo(
                "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    }
}
