package io.lantau.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpAllowlistTest {
    @Test
    void shouldAllowListedAddressesAndBlocksOnly() {
        IpAllowlist list = IpAllowlist.parse("10.0.0.1, 192.168.0.0/16, ::1");
        assertThat(list.allows("10.0.0.1")).isTrue();
        assertThat(list.allows("10.0.0.2")).isFalse();
        assertThat(list.allows("192.168.44.3")).isTrue();
        assertThat(list.allows("192.169.0.1")).isFalse();
        assertThat(list.allows("::1")).isTrue();
        assertThat(list.allows("not-an-ip")).isFalse();
    }

    @Test
    void shouldAllowAnyAddressWhenEmpty() {
        assertThat(IpAllowlist.parse(null).allows("1.2.3.4")).isTrue();
        assertThat(IpAllowlist.parse(" ").allows("1.2.3.4")).isTrue();
    }

    @Test
    void shouldRefuseHostNamesAndBadBlocks() {
        assertThatThrownBy(() -> IpAllowlist.parse("example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpAllowlist.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpAllowlist.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
