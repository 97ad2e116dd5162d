// Spark for the notebooks that read warehouses or run jobs (loaded with %load common/spark.jsh after
// %load common/display.jsh). One local session per kernel, opened the way every Vouch job opens it.
import org.apache.spark.sql.*;
import static org.apache.spark.sql.functions.*;
import dev.vouch.jobs.common.*;
import dev.vouch.jobs.generate.SyntheticOpinions;
import dev.vouch.jobs.ingest.*;

// The kernel enables FINEST on java.util.logging, which breaks Spark's code generation (see
// kernel/VouchKernelLauncher.java); the vouch-java kernel already resets it, this covers a plain rapaio kernel.
java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
SparkSession spark = SparkSessions.open("notebook", SparkOptions.local("local[2]"));
spark.sparkContext().setLogLevel("ERROR");

/** Shows the first n rows of a data set as an HTML table. */
void show(Dataset<Row> df, int n) {
    List<String> header = List.of(df.columns());
    List<List<Object>> rows = new ArrayList<>();
    for (Row r : df.takeAsList(n)) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            Object v = r.get(i);
            row.add(v instanceof scala.collection.Seq<?> s ? scala.jdk.javaapi.CollectionConverters.asJava(s) : v);
        }
        rows.add(row);
    }
    table(header, rows);
}

/**
 * The embedded data as a warehouse: data/reviews plus a small seeded synthetic set, ingested with the jobs' own
 * IngestJob. Does nothing when the warehouse already has a snapshot. Returns the snapshot id.
 */
String ensureEmbeddedWarehouse(Path warehouse) {
    Warehouse wh = new Warehouse(spark, warehouse.toString());
    if (wh.versions().current() != null) {
        return wh.versions().current();
    }
    Path synthetic = warehouse.resolveSibling("synthetic");
    var generated = SyntheticOpinions.write(synthetic,
            SyntheticOpinions.Params.defaults().withSize(150, 600, 8000).withSeed(42));
    System.out.println("generated " + generated);
    Progress progress = new Progress(System.out, true);
    new IngestJob(spark, progress).run(IngestRequest.of(SourceFormat.REVIEWS,
            vouchRoot().resolve("data/reviews").toString(), warehouse.toString()));
    new IngestJob(spark, progress).run(new IngestRequest(SourceFormat.MOVIELENS, synthetic.toString(),
            warehouse.toString(), "synthetic", null, null, null));
    return wh.versions().current();
}
