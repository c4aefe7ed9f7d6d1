package dev.newswatch.systemtests.cluster;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One client's own way to the cluster: a {@link TcpProxy} per broker, each forwarding to a listener of that broker
 * which advertises the proxy's address, so every connection the client makes (bootstrap and the leaders it is sent
 * to) goes through them. Cutting the route cuts that client off the cluster and nobody else.
 */
public final class ProxiedRoute implements AutoCloseable {

    private final List<TcpProxy> proxies;

    ProxiedRoute(List<TcpProxy> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    /** The bootstrap servers a client of this route is given: the proxies' addresses. */
    public String bootstrapServers() {
        return proxies.stream().map(proxy -> "127.0.0.1:" + proxy.port()).collect(Collectors.joining(","));
    }

    /** The cluster unreachable for this route's client: its connections reset, new ones hang unanswered. */
    public void disconnect() {
        proxies.forEach(TcpProxy::disconnect);
    }

    public boolean isCut() {
        return proxies.stream().allMatch(TcpProxy::isCut);
    }

    public void reconnect() {
        proxies.forEach(TcpProxy::reconnect);
    }

    int proxyPort(int broker) {
        return proxies.get(broker).port();
    }

    @Override
    public void close() {
        proxies.forEach(TcpProxy::close);
    }
}
