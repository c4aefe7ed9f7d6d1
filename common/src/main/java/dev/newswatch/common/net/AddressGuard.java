package dev.newswatch.common.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps the crawler inside the public internet: a URL whose host resolves to a loopback, private, unique-local,
 * link-local, multicast or unspecified address is refused, so a feed cannot point the ingester at the machine
 * it runs on, the cloud metadata service or the office network.
 */
public final class AddressGuard {

    /** Looks a host name up, as the DNS does. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;

    public AddressGuard() {
        this(InetAddress::getAllByName);
    }

    public AddressGuard(Resolver resolver) {
        this.resolver = resolver;
    }

    /** Why {@code url} may not be fetched, or empty when it may. */
    public Optional<String> refusal(URI url) throws UnknownHostException {
        String host = url.getHost();
        if (host == null) {
            return Optional.of(url + " names no host");
        }
        // Every address counts: a name resolving to one public and one private address is refused.
        for (InetAddress address : resolver.resolve(host)) {
            String kind = nonPublicKind(address);
            if (kind != null) {
                return Optional.of(host + " resolves to " + kind + " address " + address.getHostAddress());
            }
        }
        return Optional.empty();
    }

    private static String nonPublicKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "the loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local";
        }
        if (address.isSiteLocalAddress() || isUniqueLocal(address)) {
            return "a private";
        }
        if (address.isMulticastAddress()) {
            return "a multicast";
        }
        return null;
    }

    /** fc00::/7; Java's isSiteLocalAddress only knows the deprecated fec0::/10. */
    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
