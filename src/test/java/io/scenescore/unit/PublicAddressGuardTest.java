package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.scenescore.video.PublicAddressGuard;

/** Which addresses video_url may lead to: public ones only, in every spelling of an address. */
class PublicAddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0.0.0.0", "0.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "100.127.255.255", "192.0.0.8", "192.0.2.1", "198.18.0.1", "198.51.100.7", "203.0.113.9",
            "224.0.0.1", "240.0.0.1", "255.255.255.255",
            "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1",
            "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2002:c0a8:101::1", "2001:db8::1", "2001:0:4136:e378::1", "100::1"})
    void nonPublicAddressesAreRefused(String address) throws Exception {
        assertThat(PublicAddressGuard.nonPublicKind(InetAddress.getByName(address))).as(address).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700:4700::1111",
            "2a00:1450:4001::200e", "64:ff9b::808:808", "2002:808:808::1"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(PublicAddressGuard.nonPublicKind(InetAddress.getByName(address))).as(address).isNull();
    }

    @Test
    void aHostIsRefusedWhenAnyOfItsAddressesIs() {
        assertThatThrownBy(() -> new PublicAddressGuard(false).resolve("localhost"))
                .isInstanceOf(PublicAddressGuard.Refused.class).hasMessageContaining("localhost resolves to").hasMessageContaining("loopback");
    }

    @Test
    void privateAddressesCanBeAllowedForTests() throws Exception {
        assertThat(new PublicAddressGuard(true).resolve("127.0.0.1")).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
    }
}
