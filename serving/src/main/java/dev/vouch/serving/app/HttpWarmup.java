package dev.vouch.serving.app;

import dev.vouch.serving.model.Model;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the service's own typical requests to itself over loopback at start, before {@code /ready} turns true, so
 * that Jetty, Javalin, Jackson and the handlers are compiled by the JIT before the first real request (the model's
 * views and ranking are readied before the swap by the store's preparer). A few clients, until the JIT has settled
 * (it compiled for less than {@link #SETTLED_FRACTION} of each of the last {@link #QUIET_WINDOWS} windows of
 * {@link #WINDOW}, after {@link #MIN_RUN}) or the time budget is spent. On 2 cores it rarely settles within 30 s: the
 * budget decides there.
 */
final class HttpWarmup {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpWarmup.class);
    private static final int CLIENTS = 4;
    static final Duration MIN_RUN = Duration.ofSeconds(10);
    /** Consecutive quiet windows that count as settled. */
    static final int QUIET_WINDOWS = 3;
    static final Duration WINDOW = Duration.ofMillis(500);
    /** The JIT counts as settled once it compiles for less than this share of a window's wall time. */
    static final double SETTLED_FRACTION = 0.02;

    private HttpWarmup() {
    }

    /** Warms {@code baseUrl} for at most {@code budget}; returns the requests answered. Never throws. */
    static long run(String baseUrl, Model model, Duration budget) {
        int reviewers = model.reviewers().size();
        if (budget.isZero() || budget.isNegative() || reviewers == 0) {
            return 0;
        }
        long started = System.nanoTime();
        AtomicLong deadline = new AtomicLong(started + budget.toNanos());
        AtomicLong answered = new AtomicLong();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS, r -> {
            Thread t = new Thread(r, "vouch-http-warmup");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int seed = c;
                clients.add(pool.submit(() -> {
                    for (int i = seed; System.nanoTime() < deadline.get(); i += CLIENTS) {
                        try {
                            client.send(request(baseUrl, model, i), HttpResponse.BodyHandlers.discarding());
                            answered.incrementAndGet();
                        } catch (java.io.IOException e) {
                            LOG.warn("HTTP warm-up client stopped: {}", String.valueOf(e));
                            return;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
            settle(started, deadline);
            for (Future<?> f : clients) {
                try {
                    f.get();
                } catch (Exception e) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return answered.get();
    }

    /** Moves the deadline to now once the JIT compiles little (checked every window, after the minimum run). */
    private static void settle(long started, AtomicLong deadline) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long before = jit.getTotalCompilationTime();
        int quietWindows = 0;
        try {
            while (System.nanoTime() < deadline.get()) {
                Thread.sleep(WINDOW.toMillis());
                long now = jit.getTotalCompilationTime();
                LOG.debug("JIT compiled for {} ms in the last window", now - before);
                quietWindows = now - before < WINDOW.toMillis() * SETTLED_FRACTION ? quietWindows + 1 : 0;
                before = now;
                if (quietWindows >= QUIET_WINDOWS && System.nanoTime() - started >= MIN_RUN.toNanos()) {
                    deadline.set(System.nanoTime());
                    LOG.info("JIT settled after {} ms of warm-up", (System.nanoTime() - started) / 1_000_000);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deadline.set(System.nanoTime());
        }
    }

    /** The i-th request of the mix: mostly "I trust R" (plain and filtered), some trust sets of two and five, lookups. */
    private static HttpRequest request(String baseUrl, Model model, int i) {
        int reviewers = model.reviewers().size();
        String a = enc(model.reviewers().id(Math.floorMod(i * 31, reviewers)));
        String path = switch (i % 8) {
            case 0, 1, 2 -> "/api/reviewers/" + a + "/suggestions?limit=10";
            case 3 -> "/api/reviewers/" + a + "/suggestions?limit=20&min_year=1990";
            case 4 -> "/api/reviewers/" + a + "/suggestions?limit=10&genre=Drama";
            case 5 -> "/api/reviewers/" + a;
            default -> null;
        };
        HttpRequest.Builder r = HttpRequest.newBuilder().timeout(Duration.ofSeconds(5));
        if (path != null) {
            return r.uri(URI.create(baseUrl + path)).GET().build();
        }
        // Trust sets of two and of five: the merge's loops are compiled for the set sizes readers send.
        StringBuilder body = new StringBuilder("{\"trusted\":[");
        int size = Math.min(i % 8 == 6 ? 2 : 5, reviewers);
        for (int t = 0; t < size; t++) {
            String id = model.reviewers().id(Math.floorMod(i * 31 + t, reviewers)); // distinct
            body.append(t == 0 ? "" : ",").append("{\"reviewer\":\"").append(json(id)).append('"')
                    .append(t == 0 ? ",\"weight\":2}" : "}");
        }
        body.append("],\"limit\":10}");
        return r.uri(URI.create(baseUrl + "/api/suggestions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static String enc(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
