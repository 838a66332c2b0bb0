package jp.sapphire.defence.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where SAPPHIRE may send a request of its own — an IdP's discovery document, its keys, its token
 * endpoint: only over HTTPS, and only to a host every address of which is public. Loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud metadata
 * address, fe80::/10), carrier-grade NAT (100.64/10), unspecified, multicast and reserved ranges
 * are refused, so neither a tenant administrator's "test connection" nor a discovery document
 * can make the server call into its own network. A development server sets
 * {@code sapphire.outbound.allow-private-addresses} (the run server and the tests, whose IdP runs
 * on localhost over HTTP); a provider whose customer's IdP is on a private network names that host
 * in {@code sapphire.outbound.allowed-hosts}.
 *
 * <p>The host is resolved here and again by the HTTP client that then connects: a name that
 * resolves to a public address now and to a private one a moment later (DNS rebinding) is not
 * caught by this check alone; the servers' egress firewall is the second lock.
 */
public final class OutboundUrls {

    /** Why a URL is refused, as the message key of its explanation. */
    public enum Refusal {
        NOT_HTTPS, NO_HOST, UNKNOWN_HOST, NOT_PUBLIC
    }

    private final boolean allowPrivate;
    private final Set<String> allowedHosts;

    public OutboundUrls(boolean allowPrivate, Set<String> allowedHosts) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Why SAPPHIRE may not call this URL, or empty if it may: HTTPS to a public host; where
     * private addresses are allowed (or the host is named), HTTPS to any host and plain HTTP to a
     * host on a private or loopback address (a local development IdP), never plain HTTP across the
     * internet.
     */
    public Optional<Refusal> refusal(URI url) {
        if (url == null || url.getHost() == null || url.getHost().isBlank()) {
            return Optional.of(Refusal.NO_HOST);
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        if (!https && !"http".equalsIgnoreCase(url.getScheme())) {
            return Optional.of(Refusal.NOT_HTTPS);
        }
        boolean privateAllowed = allowPrivate || allowedHosts.contains(host);
        if (https && privateAllowed) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException unknown) {
            return Optional.of(https ? Refusal.UNKNOWN_HOST : Refusal.NOT_HTTPS);
        }
        boolean allPublic = java.util.Arrays.stream(addresses).allMatch(OutboundUrls::isPublic);
        if (!https) {
            return privateAllowed && !allPublic ? Optional.empty() : Optional.of(Refusal.NOT_HTTPS);
        }
        return allPublic ? Optional.empty() : Optional.of(Refusal.NOT_PUBLIC);
    }

    /** Whether an address is on the public internet: none of the loopback, private, link-local or reserved ranges. */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (isMappedIpv4(bytes)) {
                byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
                try {
                    return isPublic(InetAddress.getByAddress(v4));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
            return !(first == 0x20 && (bytes[1] & 0xff) == 0x01 && (bytes[2] & 0xff) == 0x0d && (bytes[3] & 0xff) == 0xb8);
        }
        if (address instanceof Inet4Address) {
            int a = bytes[0] & 0xff;
            int b = bytes[1] & 0xff;
            int c = bytes[2] & 0xff;
            return !(a == 0 || a >= 240                       // this network, reserved and broadcast
                    || (a == 100 && b >= 64 && b <= 127)      // carrier-grade NAT
                    || (a == 192 && b == 0 && c == 0)         // IETF protocol assignments
                    || (a == 192 && b == 0 && c == 2)         // documentation
                    || (a == 198 && (b == 18 || b == 19))     // benchmarking
                    || (a == 198 && b == 51 && c == 100)      // documentation
                    || (a == 203 && b == 0 && c == 113));     // documentation
        }
        return false;
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
