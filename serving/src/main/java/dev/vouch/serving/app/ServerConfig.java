package dev.vouch.serving.app;

import dev.vouch.serving.access.ApiPolicy;
import dev.vouch.serving.web.ConnectionLimits;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
 * @param corsOrigins   origins (scheme://host[:port]) whose pages may call the API and load the widget; {@code *} for
 *                      any; default none
 * @param cacheMaxAge   max-age of cacheable GET answers: how long a cache may serve an answer from the previous model
 *                      after a reload; default 60 s
 * @param limits        idle timeout, minimum body data rate and connections per client address
 * @param api           API keys for {@code /api/*} (none: open) and the per-key rate limit
 */
public record ServerConfig(Path modelsDir, String host, int port, Optional<String> adminToken, Duration watchInterval,
                           long maxBodyBytes, List<String> corsOrigins, Duration cacheMaxAge, ConnectionLimits limits,
                           ApiPolicy api) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_WATCH = Duration.ofSeconds(2);
    public static final long DEFAULT_MAX_BODY = 64 * 1024;
    /** Long enough to spare the service repeated work, short enough that a new model shows within a minute. */
    public static final Duration DEFAULT_CACHE_MAX_AGE = Duration.ofSeconds(60);

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
        corsOrigins = corsOrigins == null ? List.of() : corsOrigins.stream().map(ServerConfig::origin).toList();
        cacheMaxAge = cacheMaxAge == null ? DEFAULT_CACHE_MAX_AGE : cacheMaxAge;
        limits = limits == null ? ConnectionLimits.defaults() : limits;
        api = api == null ? ApiPolicy.open() : api;
        if (cacheMaxAge.isNegative()) {
            throw new IllegalArgumentException("cacheMaxAge must not be negative");
        }
    }

    /** An origin as browsers send it: scheme, host and optional port, no path; or {@code *}. */
    private static String origin(String raw) {
        String o = raw == null ? "" : raw.strip();
        if (o.equals("*")) {
            return o;
        }
        URI uri;
        try {
            uri = URI.create(o);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("CORS origin must look like https://site.example[:port] (or *), was '"
                    + raw + "'");
        }
        return o;
    }

    /**
     * Defaults for a models folder: 127.0.0.1:8080, no admin token, watch every 2 s, 64 KiB bodies, no CORS origins,
     * max-age 60 s, the default {@link ConnectionLimits}, no API keys.
     */
    public static ServerConfig of(Path modelsDir) {
        return new ServerConfig(modelsDir, DEFAULT_HOST, DEFAULT_PORT, Optional.empty(), DEFAULT_WATCH,
                DEFAULT_MAX_BODY, List.of(), DEFAULT_CACHE_MAX_AGE, ConnectionLimits.defaults(), ApiPolicy.open());
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(modelsDir, host, newPort, adminToken, watchInterval, maxBodyBytes, corsOrigins,
                cacheMaxAge, limits, api);
    }

    public ServerConfig withAdminToken(String token) {
        return new ServerConfig(modelsDir, host, port, Optional.ofNullable(token), watchInterval, maxBodyBytes,
                corsOrigins, cacheMaxAge, limits, api);
    }

    public ServerConfig withWatchInterval(Duration interval) {
        return new ServerConfig(modelsDir, host, port, adminToken, interval, maxBodyBytes, corsOrigins, cacheMaxAge, limits, api);
    }

    public ServerConfig withMaxBodyBytes(long bytes) {
        return new ServerConfig(modelsDir, host, port, adminToken, watchInterval, bytes, corsOrigins, cacheMaxAge, limits, api);
    }

    public ServerConfig withCorsOrigins(List<String> origins) {
        return new ServerConfig(modelsDir, host, port, adminToken, watchInterval, maxBodyBytes, origins, cacheMaxAge, limits, api);
    }

    public ServerConfig withCacheMaxAge(Duration maxAge) {
        return new ServerConfig(modelsDir, host, port, adminToken, watchInterval, maxBodyBytes, corsOrigins, maxAge, limits,
                api);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(modelsDir, newHost, port, adminToken, watchInterval, maxBodyBytes, corsOrigins, cacheMaxAge,
                limits, api);
    }

    public ServerConfig withApi(ApiPolicy newApi) {
        return new ServerConfig(modelsDir, host, port, adminToken, watchInterval, maxBodyBytes, corsOrigins, cacheMaxAge,
                limits, newApi);
    }

    public ServerConfig withLimits(ConnectionLimits newLimits) {
        return new ServerConfig(modelsDir, host, port, adminToken, watchInterval, maxBodyBytes, corsOrigins, cacheMaxAge,
                newLimits, api);
    }
}
