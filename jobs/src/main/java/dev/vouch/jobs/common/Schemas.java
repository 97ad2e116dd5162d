package dev.vouch.jobs.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Checks a table's columns against its declared schema, naming every column that is missing or of another type. */
public final class Schemas {
    private Schemas() {}

    /**
     * Fails unless {@code actual} has every column of {@code expected} with the same type (nullability aside: Spark
     * reads every file column as nullable). With {@code exact}, it must also have no other column and the same order.
     */
    public static void check(String what, StructType expected, StructType actual, boolean exact) {
        List<String> problems = new ArrayList<>();
        List<String> names = Arrays.asList(actual.fieldNames());
        for (StructField f : expected.fields()) {
            int i = names.indexOf(f.name());
            if (i < 0) {
                problems.add("missing column " + f.name() + " " + f.dataType().catalogString());
            } else if (!actual.fields()[i].dataType().catalogString().equals(f.dataType().catalogString())) {
                problems.add("column " + f.name() + " is " + actual.fields()[i].dataType().catalogString()
                        + ", declared " + f.dataType().catalogString());
            }
        }
        if (exact && problems.isEmpty() && !names.equals(Arrays.asList(expected.fieldNames()))) {
            problems.add("columns are " + names + ", declared " + Arrays.asList(expected.fieldNames()));
        }
        if (!problems.isEmpty()) {
            throw new VouchException(what + ": " + String.join("; ", problems));
        }
    }
}
