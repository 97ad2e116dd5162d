package dev.vouch.serving.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.vouch.serving.access.ApiAccess;
import dev.vouch.serving.films.FilmQueries;
import dev.vouch.serving.films.FilmRoutes;
import dev.vouch.serving.model.ModelStore;
import dev.vouch.serving.reviewers.ReviewerQueries;
import dev.vouch.serving.reviewers.ReviewerRoutes;
import dev.vouch.serving.suggest.ModelRecommender;
import dev.vouch.serving.suggest.SuggestRoutes;
import dev.vouch.serving.web.Cors;
import dev.vouch.serving.web.HttpCaching;
import dev.vouch.serving.web.BodyDrain;
import dev.vouch.serving.web.HttpMetrics;
import dev.vouch.serving.web.JettyHardening;
import dev.vouch.serving.web.JsonBody;
import dev.vouch.serving.web.ProblemErrorHandler;
import dev.vouch.serving.web.SecurityHeaders;
import io.javalin.Javalin;
import java.util.concurrent.atomic.AtomicBoolean;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * All HTTP wiring in one place: JSON, static files (the readers' page and the widget), metrics, CORS, HTTP caching,
 * error mapping and every feature's routes. Creates the Javalin app without starting it, so a test can hand it to
 * {@code JavalinTest}.
 */
public final class VouchApp {
    /** In-process requests answered on each model before it is served, at most {@link #PREPARE_BUDGET} long. */
    static final int PREPARE_REQUESTS = 4_000;
    static final java.time.Duration PREPARE_BUDGET = java.time.Duration.ofSeconds(3);

    private final Javalin javalin;
    private final PrometheusMeterRegistry registry;

    private final AtomicBoolean warmingUp;

    private VouchApp(Javalin javalin, PrometheusMeterRegistry registry, AtomicBoolean warmingUp) {
        this.javalin = javalin;
        this.registry = registry;
        this.warmingUp = warmingUp;
    }

    /** The app for a store (which may not have a model yet) and a configuration; not started. */
    public static VouchApp create(ModelStore store, ServerConfig config) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        ModelMetrics modelMetrics = new ModelMetrics(store, registry);
        store.addListener(modelMetrics);
        store.current().ifPresent(modelMetrics::loaded);
        HttpMetrics httpMetrics = new HttpMetrics(registry);
        ObjectMapper mapper = mapper();
        JsonBody body = new JsonBody(mapper, config.maxBodyBytes());
        byte[] openApi = OpsRoutes.openApiDocument();
        HttpCaching caching = new HttpCaching(store::current, openApi, config.cacheMaxAge());
        ApiAccess access = new ApiAccess(config.api().keys(), config.api().perSecond(), registry);
        AtomicBoolean warmingUp = new AtomicBoolean();
        ModelRecommender recommender = new ModelRecommender(store);
        // Views of the most active reviewers and a JIT warm-up on every model before it is served (start and reload).
        store.addPreparer(model -> recommender.prepare(model, PREPARE_REQUESTS, PREPARE_BUDGET));
        Javalin javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            JettyHardening.apply(cfg, config.limits());
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            cfg.staticFiles.add("/public", Location.CLASSPATH);
            cfg.requestLogger.http(httpMetrics::record);
            cfg.routes.before(SecurityHeaders::add);
            // Sites' pages on the configured origins may call the API and load the widget (none by default).
            cfg.routes.before(new Cors(config.corsOrigins())::before);
            cfg.routes.before("/api/*", access::check);
            cfg.routes.before("/api/*", caching::before);
            cfg.routes.after("/api/*", caching::after);
            cfg.routes.after(ctx -> BodyDrain.drain(ctx, config.maxBodyBytes()));
            ErrorMapping.register(cfg.routes);
            new OpsRoutes(store, registry, openApi, warmingUp::get).register(cfg.routes);
            new AdminRoutes(store, config.adminToken()).register(cfg.routes);
            new SuggestRoutes(recommender, body).register(cfg.routes);
            new ReviewerRoutes(new ReviewerQueries(store)).register(cfg.routes);
            new FilmRoutes(new FilmQueries(store)).register(cfg.routes);
        });
        return new VouchApp(javalin, registry, warmingUp);
    }

    /** The JSON conventions of the API: snake_case names, null fields left out. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** While set, {@code /ready} answers 503 even with a model loaded (the start's HTTP warm-up). */
    void warmingUp(boolean on) {
        warmingUp.set(on);
    }

    public Javalin javalin() {
        return javalin;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
