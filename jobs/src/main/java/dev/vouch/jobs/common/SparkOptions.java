package dev.vouch.jobs.common;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Spark settings every job command accepts and passes through, as spark-submit does. */
public final class SparkOptions {
    @Option(names = "--master", description = "Spark master URL (default: from spark-submit, else local[*]).")
    private String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, e.g. --conf spark.executor.memory=4g.")
    private Map<String, String> conf = new LinkedHashMap<>();

    public String master() {
        return master;
    }

    public Map<String, String> conf() {
        return conf;
    }

    /** A copy with one more Spark setting. */
    public SparkOptions with(String key, String value) {
        SparkOptions o = new SparkOptions();
        o.master = master;
        o.conf = new LinkedHashMap<>(conf);
        o.conf.put(key, value);
        return o;
    }

    public static SparkOptions local(String master) {
        SparkOptions o = new SparkOptions();
        o.master = master;
        return o;
    }
}
