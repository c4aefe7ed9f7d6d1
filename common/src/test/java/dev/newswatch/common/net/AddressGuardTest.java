package dev.newswatch.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private final AddressGuard guard = new AddressGuard();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "localhost", "10.1.2.3", "172.16.0.1", "172.31.255.254",
            "192.168.0.10", "169.254.169.254", "0.0.0.0", "[::1]", "[fe80::1]", "[fc00::1]", "[fd12:3456::1]", "[::]",
            "[::ffff:10.0.0.1]", "224.0.0.1"})
    void nonPublicAddressesAreRefused(String host) throws UnknownHostException {
        assertThat(guard.refusal(URI.create("http://" + host + "/news/1"))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "172.15.255.1", "192.169.0.1", "203.0.113.7",
            "[2001:4860:4860::8888]"})
    void publicAddressesPass(String host) throws UnknownHostException {
        assertThat(guard.refusal(URI.create("http://" + host + "/news/1"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/a", "http://10.0.0.5/a"})
    void theRefusalNamesTheAddress(String url) throws UnknownHostException {
        URI uri = URI.create(url);
        assertThat(guard.refusal(uri)).hasValueSatisfying(reason -> assertThat(reason).contains(uri.getHost()));
    }
}
