package dev.vouch.serving.app;

import dev.vouch.serving.access.ApiKeys;
import dev.vouch.serving.access.ApiPolicy;
import dev.vouch.serving.web.ConnectionLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vouch serve --models DIR [--port N] [--host H] [--admin-token-env NAME] [--cors-origin URL]...
 * [--cache-max-age S]}.
 */
@Command(name = "vouch", mixinStandardHelpOptions = true, subcommands = ServeCommand.Serve.class,
        description = "Vouch serving: \"if you trust this reviewer, watch...\"")
public final class ServeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeCommand()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Starts the service and blocks until the JVM is asked to stop. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serve the model that <models>/CURRENT names, reloading when CURRENT changes.")
    static final class Serve implements Callable<Integer> {
        static final String CORS_ENV = "VOUCH_CORS_ORIGINS";

        @Option(names = "--models", required = true, paramLabel = "DIR",
                description = "folder holding the model versions and CURRENT")
        Path models;

        @Option(names = "--port", defaultValue = "8080", description = "port (default ${DEFAULT-VALUE}; 0 = any)")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--admin-token-env", defaultValue = "VOUCH_ADMIN_TOKEN", paramLabel = "NAME",
                description = "environment variable holding the admin token; unset disables POST /admin/reload "
                        + "(default ${DEFAULT-VALUE})")
        String adminTokenEnv;

        @Option(names = "--watch-ms", defaultValue = "2000",
                description = "poll CURRENT every N ms; 0 disables (default ${DEFAULT-VALUE})")
        long watchMillis;

        @Option(names = "--max-body-bytes", defaultValue = "65536",
                description = "largest request body accepted (default ${DEFAULT-VALUE})")
        long maxBodyBytes;

        @Option(names = "--cors-origin", split = ",", paramLabel = "ORIGIN",
                description = "origin whose pages may call the API and embed the widget, e.g. https://site.example; "
                        + "repeat or comma-separate, * for any (default: none, or $" + CORS_ENV + ")")
        List<String> corsOrigins;

        @Option(names = "--cache-max-age", defaultValue = "60", paramLabel = "SECONDS",
                description = "max-age of cacheable GET answers: how long a cache may keep serving an answer from "
                        + "the previous model after a reload (default ${DEFAULT-VALUE})")
        long cacheMaxAgeSeconds;

        @Option(names = "--idle-timeout-ms", defaultValue = "10000",
                description = "close a connection, or a body read, silent this long (default ${DEFAULT-VALUE})")
        long idleTimeoutMillis;

        @Option(names = "--min-body-rate", defaultValue = "16", paramLabel = "BYTES_PER_S",
                description = "refuse request bodies arriving slower than this on average; 0 disables "
                        + "(default ${DEFAULT-VALUE})")
        long minBodyRate;

        @Option(names = "--max-connections-per-client", defaultValue = "64",
                description = "open connections allowed per client address (default ${DEFAULT-VALUE})")
        int maxConnectionsPerClient;

        @Option(names = "--api-keys-file", paramLabel = "FILE",
                description = "NAME=KEY lines; with keys, /api/* needs X-Api-Key (default: the variable below, else open)")
        Path apiKeysFile;

        @Option(names = "--api-keys-env", defaultValue = "VOUCH_API_KEYS", paramLabel = "NAME",
                description = "environment variable with NAME=KEY entries, comma-separated (default ${DEFAULT-VALUE})")
        String apiKeysEnv;

        @Option(names = "--rate-limit", defaultValue = "20", paramLabel = "PER_SECOND",
                description = "requests per second (and burst) per API key; over it: 429 (default ${DEFAULT-VALUE})")
        int rateLimit;

        @Option(names = "--warmup-ms", defaultValue = "30000", paramLabel = "MS",
                description = "at start, send the service's own typical requests to itself before /ready turns true, "
                        + "until the JIT has settled (at least 2 s) or for at most this long, so the first requests "
                        + "meet a warm JIT; 0 disables (default ${DEFAULT-VALUE})")
        long warmupMillis;

        @Override
        public Integer call() throws InterruptedException {
            if (!Files.isDirectory(models)) {
                System.err.println("vouch serve: --models " + models + " is not a folder");
                return 2;
            }
            ServerConfig config;
            try {
                config = new ServerConfig(models, host, port, Optional.ofNullable(System.getenv(adminTokenEnv)),
                        Duration.ofMillis(watchMillis), maxBodyBytes, origins(),
                        Duration.ofSeconds(cacheMaxAgeSeconds), new ConnectionLimits(Duration.ofMillis(idleTimeoutMillis),
                        minBodyRate, maxConnectionsPerClient), new ApiPolicy(apiKeys(), rateLimit));
            } catch (IllegalArgumentException e) {
                System.err.println("vouch serve: " + e.getMessage());
                return 2;
            }
            if (!config.api().keys().enabled() && !isLoopback(config.host())) {
                System.err.println("vouch serve: warning: no API keys configured and bound to " + config.host()
                        + ": /api/* is open to anyone who can reach it");
            }
            VouchServer server = VouchServer.start(config, Duration.ofMillis(Math.max(0, warmupMillis)));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "vouch-shutdown"));
            System.out.println("Vouch is serving on " + server.url() + "/ (model "
                    + (server.modelVersion() == null ? "not loaded yet" : server.modelVersion()) + ", admin reload "
                    + (config.adminToken().isPresent() ? "enabled" : "disabled") + ", CORS origins "
                    + (config.corsOrigins().isEmpty() ? "none" : String.join(",", config.corsOrigins())) + ", API keys "
                    + (config.api().keys().enabled() ? config.api().keys().size() : "none (open)") + ")");
            stopped.await();
            return 0;
        }

        /** --cors-origin when given, else the comma-separated environment variable, else none. */
        private List<String> origins() {
            if (corsOrigins != null && !corsOrigins.isEmpty()) {
                return corsOrigins;
            }
            String env = System.getenv(CORS_ENV);
            return env == null || env.isBlank() ? List.of()
                    : Arrays.stream(env.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
        }

        private ApiKeys apiKeys() {
            if (apiKeysFile != null) {
                return ApiKeys.fromFile(apiKeysFile);
            }
            String env = System.getenv(apiKeysEnv);
            return env == null || env.isBlank() ? ApiKeys.none() : ApiKeys.parse(env);
        }

        private static boolean isLoopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
        }
    }
}
