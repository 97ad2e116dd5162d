package dev.vouch.serving.web;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Applies {@link ConnectionLimits} and the problem+json error handler to Javalin's Jetty. The connectors are
 * created by Javalin after {@code modifyServer} runs, so the per-connector settings are applied when the server
 * starts, before any connector accepts.
 */
public final class JettyHardening {
    private JettyHardening() {
    }

    public static void apply(JavalinConfig cfg, ConnectionLimits limits) {
        long idleMillis = limits.idleTimeout().toMillis();
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(idleMillis);
            http.setMinRequestDataRate(limits.minRequestBytesPerSecond());
        });
        ClientConnectionLimit perClient = new ClientConnectionLimit(limits.maxPerClient());
        cfg.jetty.modifyServer(server -> {
            server.setErrorHandler(new ProblemErrorHandler());
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (Connector connector : ((Server) event).getConnectors()) {
                        if (connector instanceof AbstractConnector c) {
                            c.setIdleTimeout(idleMillis);
                            c.addEventListener(perClient);
                        }
                    }
                }
            });
        });
    }
}
