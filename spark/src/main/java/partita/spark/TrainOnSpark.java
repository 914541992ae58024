package partita.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import partita.PartitaException;
import partita.io.ModelFiles;
import partita.model.Kind;
import partita.model.Params;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.Policy;
import partita.partition.segment.PartitionSpec;

/**
 * The command-line entry point (for {@code spark-submit --class partita.spark.TrainOnSpark}, with
 * the engine and its dependencies on the classpath): trains a partitioned model on a CSV or
 * Parquet file (or a table of the session's catalog) and writes the model file, which
 * {@code %load} reads in a notebook.
 * <pre>
 * TrainOnSpark \
 *     data=adult.csv target=income by=relationship features=age,education_num,hours_per_week \
 *     min_size=300 max_depth=6 out=adult-by-relationship.json
 * </pre>
 * Words: {@code data=} (path; {@code .parquet} read as Parquet, anything else as CSV with a
 * header) or {@code table=}, {@code target=}, {@code by=a[,b]}, {@code features=a,b,...},
 * {@code min_size=n[,m]}, {@code policy=fixed|auto}, {@code kind=classifier|regressor} (inferred
 * from the target as in a notebook when left out, and said), {@code out=}, and any model parameter
 * ({@code max_depth=6}). A bad word is refused with the list of good ones.
 */
public final class TrainOnSpark {

    private static final List<String> KEYS = List.of("data", "table", "target", "by", "features", "min_size", "policy",
            "kind", "out");

    private TrainOnSpark() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("partita-train").getOrCreate();
        try {
            Path out = run(spark, args);
            System.out.println("Wrote " + out.toAbsolutePath());
        } catch (PartitaException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } finally {
            spark.stop();
        }
    }

    /** Trains as the words say and writes the model file; returns its path. */
    static Path run(SparkSession spark, String... args) {
        Map<String, String> words = words(args);
        Dataset<Row> data = read(spark, words);
        String target = required(words, "target");
        List<String> by = list(required(words, "by"));
        PartitionSpec spec = PartitionSpec.by(by);
        if (words.containsKey("min_size")) {
            int[] sizes = list(words.get("min_size")).stream().mapToInt(Integer::parseInt).toArray();
            spec = sizes.length == 1 ? spec.minSize(sizes[0]) : spec.minSizes(sizes);
        }
        Params.Builder params = Params.builder();
        words.forEach((k, v) -> {
            if (!KEYS.contains(k)) {
                params.set(k, v);
            }
        });
        List<String> features = words.containsKey("features") ? list(words.get("features"))
                : Arrays.stream(data.columns()).filter(c -> !c.equals(target) && !by.contains(c)).toList();
        Kind kind = words.containsKey("kind") ? Kind.parse(words.get("kind")) : kind(data, target);
        PartitionedTrainer<?> trainer = PartitionedTrainer.of(kind.estimator(params.build()), spec).features(features);
        if (words.containsKey("policy")) {
            trainer = trainer.policy(Policy.parse(words.get("policy")));
        }
        PartitionedModel<?> model = SparkPartitionedTrainer.of(trainer).fit(data, target);
        System.out.println("Trained a partitioned " + kind.label() + (words.containsKey("kind") ? "" : " (kind= inferred"
                + " from the target '" + target + "'; say kind=classifier or kind=regressor to choose)") + ".");
        Path out = Path.of(required(words, "out"));
        ModelFiles.save(model, out);
        return out;
    }

    /** The kind the engine's rule infers from the target's distinct values (at most three are read). */
    private static Kind kind(Dataset<Row> data, String target) {
        SparkTables.indices(data.schema(), List.of(target), "column of the data");
        Dataset<Row> distinct = data.select(target).na().drop().distinct().limit(3);
        return Kind.infer(SparkTables.toTable(distinct.schema(), List.of(target), new int[] {0},
                distinct.collectAsList()), target);
    }

    private static Dataset<Row> read(SparkSession spark, Map<String, String> words) {
        if (words.containsKey("table")) {
            return spark.table(words.get("table"));
        }
        String path = required(words, "data");
        return path.endsWith(".parquet") ? spark.read().parquet(path)
                : spark.read().option("header", "true").option("inferSchema", "true").csv(path);
    }

    /** {@code key=value} words; a parameter name is checked by {@link Params.Builder#set}. */
    private static Map<String, String> words(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0 || eq == a.length() - 1) {
                throw new PartitaException("'" + a + "' is not a key=value word. Words: " + String.join(", ", KEYS)
                        + " and the model parameters (" + String.join(", ", Params.NAMES) + ").");
            }
            String key = a.substring(0, eq);
            if (!KEYS.contains(key) && !isParameter(key)) {
                throw PartitaException.unknownName("word", key, concat(KEYS, Params.NAMES));
            }
            out.put(key, a.substring(eq + 1));
        }
        return out;
    }

    private static boolean isParameter(String key) {
        try {
            Params.canonicalName(key);
            return true;
        } catch (PartitaException e) {
            return false;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String required(Map<String, String> words, String key) {
        String v = words.get(key);
        if (v == null) {
            throw new PartitaException("Give " + key + "=: e.g. data=adult.csv target=income by=relationship"
                    + " features=age,hours_per_week out=model.json.");
        }
        return v;
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
