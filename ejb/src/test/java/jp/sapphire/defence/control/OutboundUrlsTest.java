package jp.sapphire.defence.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboundUrlsTest {

    private static final OutboundUrls PRODUCTION = new OutboundUrls(false, Set.of());

    @Test
    void nothingOnTheServersOwnNetworkIsCalled() {
        for (String url : new String[] {"https://127.0.0.1/", "https://localhost:8443/x", "https://10.1.2.3/",
                "https://172.16.0.9/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data/",
                "https://100.64.0.1/", "https://0.0.0.0/", "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/",
                "https://[::ffff:10.0.0.1]/", "https://224.0.0.1/", "https://192.0.2.10/"}) {
            assertThat(PRODUCTION.refusal(URI.create(url))).as(url).contains(OutboundUrls.Refusal.NOT_PUBLIC);
        }
    }

    @Test
    void plainHttpAndOtherSchemesAreRefused() {
        assertThat(PRODUCTION.refusal(URI.create("http://8.8.8.8/"))).contains(OutboundUrls.Refusal.NOT_HTTPS);
        assertThat(PRODUCTION.refusal(URI.create("file:///etc/passwd"))).contains(OutboundUrls.Refusal.NO_HOST);
        assertThat(PRODUCTION.refusal(URI.create("ftp://8.8.8.8/"))).contains(OutboundUrls.Refusal.NOT_HTTPS);
        assertThat(PRODUCTION.refusal(null)).contains(OutboundUrls.Refusal.NO_HOST);
        assertThat(PRODUCTION.refusal(URI.create("https://no-such-host.invalid/"))).contains(OutboundUrls.Refusal.UNKNOWN_HOST);
    }

    @Test
    void aPublicHttpsAddressIsCalled() {
        assertThat(PRODUCTION.refusal(URI.create("https://8.8.8.8/.well-known/openid-configuration"))).isEmpty();
        assertThat(PRODUCTION.refusal(URI.create("https://[2606:4700:4700::1111]/"))).isEmpty();
    }

    @Test
    void aDevelopmentServerCallsItsLocalIdpButNeverPlainHttpAcrossTheInternet() {
        OutboundUrls development = new OutboundUrls(true, Set.of());
        assertThat(development.refusal(URI.create("http://localhost:8090/demo"))).isEmpty();
        assertThat(development.refusal(URI.create("https://10.0.0.5/"))).isEmpty();
        assertThat(development.refusal(URI.create("http://8.8.8.8/"))).contains(OutboundUrls.Refusal.NOT_HTTPS);
    }

    @Test
    void aNamedPrivateHostOfACustomerIsCalledAndNoOther() {
        OutboundUrls named = new OutboundUrls(false, Set.of(" ADFS.corp.example ", "127.0.0.1"));
        assertThat(named.refusal(URI.create("https://adfs.corp.example/adfs"))).isEmpty();
        assertThat(named.refusal(URI.create("http://127.0.0.1:9000/idp"))).isEmpty();
        assertThat(named.refusal(URI.create("https://10.0.0.1/"))).contains(OutboundUrls.Refusal.NOT_PUBLIC);
    }

    @Test
    void addressRangesAreClassifiedByTheirNumbers() throws UnknownHostException {
        assertThat(OutboundUrls.isPublic(InetAddress.getByName("100.63.255.255"))).isTrue();
        assertThat(OutboundUrls.isPublic(InetAddress.getByName("100.128.0.0"))).isTrue();
        assertThat(OutboundUrls.isPublic(InetAddress.getByName("198.18.0.1"))).isFalse();
        assertThat(OutboundUrls.isPublic(InetAddress.getByName("2001:db8::1"))).isFalse();
        assertThat(Optional.of(OutboundUrls.isPublic(InetAddress.getByName("255.255.255.255")))).contains(false);
    }
}
