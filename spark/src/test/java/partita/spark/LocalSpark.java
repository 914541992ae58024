package partita.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.function.BiConsumer;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import partita.partition.PartitionedModel;
import partita.partition.Segment;

/**
 * What the Spark tests share: a session in local mode on two cores, bound to the loopback
 * interface, without its web UI, started before a test class and stopped after it; and the
 * project's data sets.
 */
abstract class LocalSpark {

    static final Path DATA = Path.of("../notebooks/data");
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("partita-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    /**
     * Segment by segment, what both kinds must keep exactly (key, status, reason, rows, features),
     * then the kind's own checks of the pair.
     */
    static void eachSegment(PartitionedModel<?> local, PartitionedModel<?> spark, BiConsumer<Segment, Segment> same) {
        assertEquals(local.segments().size(), spark.segments().size());
        for (int i = 0; i < local.segments().size(); i++) {
            Segment a = local.segments().get(i);
            Segment b = spark.segments().get(i);
            assertEquals(a.key(), b.key(), a.name());
            assertEquals(a.status(), b.status(), a.name());
            assertEquals(a.reason(), b.reason(), a.name());
            assertEquals(a.rows(), b.rows(), a.name());
            assertEquals(a.features(), b.features(), a.name());
            same.accept(a, b);
        }
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }
}
