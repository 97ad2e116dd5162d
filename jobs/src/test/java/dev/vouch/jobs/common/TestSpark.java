package dev.vouch.jobs.common;

import org.apache.spark.sql.SparkSession;

/** The one Spark session every test in this JVM shares (surefire reuses one fork). */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSessions.open("test", SparkOptions.local("local[2]")
                    .with("spark.sql.shuffle.partitions", "2").with("spark.default.parallelism", "2"));
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
