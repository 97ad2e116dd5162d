package dev.vouch.serving.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a new connection when its client address already holds {@code max} open ones, so one client cannot take
 * the whole thread pool. Counts are per address, updated atomically with {@code merge}/{@code computeIfPresent}.
 */
final class ClientConnectionLimit implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnectionLimit.class);

    private final int max;
    private final ConcurrentMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** Each connection's client, kept from open to close: a closed channel no longer knows its remote address. */
    private final ConcurrentMap<Connection, InetAddress> clients = new ConcurrentHashMap<>();

    ClientConnectionLimit(int max) {
        this.max = max;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress client = client(connection);
        if (client == null) {
            return;
        }
        clients.put(connection, client);
        int now = open.merge(client, 1, Integer::sum);
        if (now > max) {
            if (now == max + 1) {
                LOG.warn("client {} holds {} connections (the limit); closing its new ones", client, max);
            }
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress client = clients.remove(connection);
        if (client != null) {
            open.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** Open connections of one address (for tests and metrics). */
    int openFrom(InetAddress client) {
        return open.getOrDefault(client, 0);
    }

    private static InetAddress client(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
