package dev.vouch.serving.app;

import dev.vouch.serving.access.ApiPolicy;
import dev.vouch.serving.web.ConnectionLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link VouchServer} needs, validated once.
 *
 * @param modelsDir     the folder holding the versions and CURRENT
 * @param host          address to bind, default 127.0.0.1
 * @param port          port to bind, 0 for any free port, default 8080
 * @param adminToken    token required by {@code POST /admin/reload}; empty disables the endpoint
 * @param watchInterval how often CURRENT is polled; zero disables watching
 * @param maxBodyBytes  largest request body accepted (413 above), default 64 KiB
 * @param limits        idle timeout, minimum body data rate and connections per client address
 * @param api           API keys for {@code /api/*} (none: open) and the per-key rate limit
 */
public record ServerConfig(Path modelsDir, String host, int port, Optional<String> adminToken, Duration watchInterval,
                           long maxBodyBytes, ConnectionLimits limits, ApiPolicy api) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_WATCH = Duration.ofSeconds(2);
    public static final long DEFAULT_MAX_BODY = 64 * 1024;

    public ServerConfig {
        Objects.requireNonNull(modelsDir, "modelsDir");
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        adminToken = adminToken == null ? Optional.empty() : adminToken.filter(t -> !t.isBlank());
        watchInterval = watchInterval == null ? DEFAULT_WATCH : watchInterval;
        if (watchInterval.isNegative()) {
            throw new IllegalArgumentException("watchInterval must not be negative");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        limits = limits == null ? ConnectionLimits.defaults() : limits;
        api = api == null ? ApiPolicy.open() : api;
    }

    /**
     * Defaults for a models folder: 127.0.0.1:8080, no admin token, watch every 2 s, 64 KiB bodies, the default
     * {@link ConnectionLimits}.
     */
    public static ServerConfig of(Path modelsDir) {
        return new ServerConfig(modelsDir, DEFAULT_HOST, DEFAULT_PORT, Optional.empty(), DEFAULT_WATCH,
                DEFAULT_MAX_BODY, ConnectionLimits.defaults(),
                ApiPolicy.open());
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(modelsDir, host, newPort, adminToken, watchInterval, maxBodyBytes, limits, api);
    }

    public ServerConfig withAdminToken(String token) {
        return new ServerConfig(modelsDir, host, port, Optional.ofNullable(token), watchInterval, maxBodyBytes, limits, api);
    }

    public ServerConfig withWatchInterval(Duration interval) {
        return new ServerConfig(modelsDir, host, port, adminToken, interval, maxBodyBytes, limits, api);
    }

    public ServerConfig withMaxBodyBytes(long bytes) {
        return new ServerConfig(modelsDir, host, port, adminToken, watchInterval, bytes, limits, api);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(modelsDir, newHost, port, adminToken, watchInterval, maxBodyBytes, limits, api);
    }

    public ServerConfig withApi(ApiPolicy newApi) {
        return new ServerConfig(modelsDir, host, port, adminToken, watchInterval, maxBodyBytes, limits, newApi);
    }

    public ServerConfig withLimits(ConnectionLimits newLimits) {
        return new ServerConfig(modelsDir, host, port, adminToken, watchInterval, maxBodyBytes, newLimits, api);
    }
}
