package dev.vouch.serving.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes a seeded random model in the published format (format_version 2, explicit and implicit factors) for
 * benchmarks: {@code java -cp ... dev.vouch.serving.model.SyntheticModel <modelsDir> [version [films reviewers
 * opinions rank]]}. The default is shaped like ml-latest-small (9,742 films, 610 reviewers, ~100k opinions, rank 16);
 * {@code serving/bench/million.sh} writes 1,000,000 films at rank 64. It is noise, not a trained model: use it for
 * speed and memory, never for quality. Like a trained model it publishes {@code reviewer_lists} (computed by the engine
 * from the tables written); {@code -Dvouch.synthetic.no-lists=true} leaves them out.
 */
public final class SyntheticModel {

    private SyntheticModel() {
    }

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args[0]);
        String version = args.length > 1 ? args[1] : "20260101-000000-000";
        int films = args.length > 2 ? Integer.parseInt(args[2]) : 9742;
        int reviewers = args.length > 3 ? Integer.parseInt(args[3]) : 610;
        int opinions = args.length > 4 ? Integer.parseInt(args[4]) : 100836;
        int rank = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        int similar = films > 100_000 ? 5 : 20;
        Path dir = models.resolve(version);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SELECT setseed(0.42)");
            st.execute("CREATE TABLE films AS SELECT 'movielens:' || i AS film_id, 'Film ' || i || ' ' || "
                    + "(['Alpha','Beta','Gamma','Delta','Été'])[1 + i % 5] AS title, (1930 + i % 90)::INTEGER AS year, "
                    + "[(['Drama','Comedy','Sci-Fi','Horror','Crime'])[1 + i % 5]] AS genres, 5.0 AS scale_max, "
                    + "0 AS n_ratings, NULL::DOUBLE AS mean_norm, (random() - 0.5) * 0.2 AS bias, random() AS popularity, "
                    + factors(rank) + " AS factors, " + factors(rank) + " AS implicit_factors FROM range(" + films + ") t(i)");
            st.execute("CREATE TABLE opinions AS SELECT 'movielens:' || (i % " + reviewers + ") AS reviewer_id, "
                    + "'movielens:' || (floor(pow(random(), 2) * " + films + "))::BIGINT AS film_id, s * 5 AS score, 5.0 AS scale_max, "
                    + "s AS score_norm, CASE WHEN i % 10 = 0 THEN [{'name': 'story', 'score': round(random() * 10), "
                    + "'max': 10.0}] ELSE [] END::STRUCT(name VARCHAR, score DOUBLE, max DOUBLE)[] AS aspects, "
                    + "CASE WHEN i % 7 = 0 THEN ['tag' || (i % 50)] ELSE [] END AS tags, NULL::DATE AS review_date "
                    + "FROM (SELECT i, (1 + floor(random() * 10)) / 10.0 AS s FROM range(" + opinions + ") t(i))");
            st.execute("CREATE TABLE reviewers AS SELECT reviewer_id, reviewer_id AS name, NULL::VARCHAR AS role, "
                    + "count(*)::INTEGER AS n_reviews, count(*)::INTEGER AS n_rated, avg(score_norm) AS mean_norm, "
                    + "stddev_pop(score_norm) AS sd_norm, (random() - 0.5) * 0.2 AS bias, ['tag1'] AS top_tags, "
                    + factors(rank) + " AS factors, " + factors(rank) + " AS implicit_factors FROM opinions GROUP BY reviewer_id");
            st.execute("CREATE TABLE film_tags AS SELECT film_id, tags[1] AS tag, count(*)::INTEGER AS count, "
                    + "1.0 AS weight FROM opinions WHERE len(tags) > 0 GROUP BY film_id, tags[1]");
            st.execute("CREATE TABLE film_aspects AS SELECT film_id, 'story' AS aspect, avg(aspects[1].score / 10) "
                    + "AS mean_norm, count(*)::INTEGER AS n FROM opinions WHERE len(aspects) > 0 GROUP BY film_id");
            st.execute("CREATE TABLE similar_films AS SELECT 'movielens:' || i AS film_id, 'movielens:' || "
                    + "((i + j * 7 + 1) % " + films + ") AS other_id, 'co_liked' AS kind, 20.0 - j AS score "
                    + "FROM range(" + films + ") a(i), range(" + similar + ") b(j)");
            st.execute("CREATE TABLE kindred AS SELECT 'movielens:' || i AS reviewer_id, 'movielens:' || "
                    + "((i + j + 1) % " + reviewers + ") AS other_id, 1.0 - j / 40.0 AS score, 10.0 - j AS llr, "
                    + "10::INTEGER AS co_rated, 0.8 AS agreement FROM range(" + reviewers + ") a(i), range(20) b(j)");
            for (String table : ModelLayout.TABLES) {
                Files.createDirectories(dir.resolve(table));
                st.execute("COPY " + table + " TO '" + dir.resolve(table).resolve("part-00000.parquet")
                        + "' (FORMAT PARQUET)");
            }
        }
        ModelFixture.writeManifest(dir, version, rank, rank);
        if (!Boolean.getBoolean("vouch.synthetic.no-lists")) {
            long t = System.nanoTime();
            ModelFixture.publishLists(dir, version, rank, rank);
            System.out.printf("reviewer_lists computed and written in %.1f s%n", (System.nanoTime() - t) / 1e9);
        }
        ModelFixture.pointCurrent(models, version);
        System.out.println("wrote " + dir);
    }

    private static String factors(int rank) {
        return "list_transform(range(" + rank + "), lambda x: ((random() - 0.5) * 0.5)::FLOAT)";
    }
}
