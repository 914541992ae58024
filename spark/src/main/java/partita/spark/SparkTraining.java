package partita.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import partita.PartitaException;
import partita.model.Estimator;
import partita.model.Kind;
import partita.model.Params;
import partita.model.SplitStats;
import partita.model.TrainingData;
import partita.model.TransparentModel;
import partita.partition.segment.SegmentKey;
import tech.tablesaw.api.Table;

/**
 * Fits one transparent model on a Dataset without collecting its rows ({@link SparkPasses}): the
 * executors count, per feature, every distinct value's rows and target sum (a numeric feature's
 * thinned to candidate splits where they are), the driver grows the model from those statistics, and more passes compute what the
 * grown model needs over the same rows: a classifier's score bins for its calibration map, a
 * regressor's leaf counts for its ridge step, or, optimised, the sums of each Newton step
 * ({@link SparkOptimise}). A reference classifier is the one {@code XClassifier.fit} gives on the
 * same rows, bit for bit; a regressor's predictions equal {@code XRegressor.fit}'s within 1e-12 relative (its
 * sums are added in another order); an optimised model has the same leaves and penalty, and its
 * scores within 1e-7. Driver memory is bounded by the model and its candidate statistics (a
 * numeric feature's values are thinned to candidate splits on the executors), not by rows.
 * (This is the {@code __dataset__} model of partitioned training.)
 */
public final class SparkTraining {

    private SparkTraining() {
    }

    /** The model of {@code estimator} (XClassifier or XRegressor, optimised or not) fitted on the rows of {@code data}. */
    public static <M extends TransparentModel> M fit(Estimator<M> estimator, Dataset<Row> data, String target,
                                                     List<String> features) {
        return fit(CountedFit.of(estimator), estimator, data, target, features);
    }

    private static <M extends TransparentModel, S extends java.io.Serializable> M fit(
            CountedFit<M, S> fit, Estimator<M> estimator, Dataset<Row> data, String target, List<String> features) {
        List<String> names = new ArrayList<>(features);
        names.add(target);
        SparkTables.indices(data.schema(), names, "column of the data");
        List<Object> labels = labels(fit.kind(), data, target);
        SparkPasses passes = new SparkPasses(data.javaRDD(), data.schema(), names, SparkPasses.allRows(), target,
                features, labels, fit);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        try (SparkPasses.Counted counted = passes.counts(sc)) {
            SegmentCounts counts = counted.segments().get(SegmentKey.DATASET);
            if (counts.missingTarget() > 0) {
                throw new PartitaException("The target column '" + target + "' has " + counts.missingTarget()
                        + " missing value(s). Drop those rows (e.g. data.na().drop(new String[] {\"" + target + "\"}))"
                        + " or fill them before fitting.");
            }
            Params params = estimator.params();
            List<SplitStats> stats = counted.stats(Map.of(SegmentKey.DATASET, Map.entry(features, params.alpha())))
                    .get(SegmentKey.DATASET);
            M grown = fit.grow(leavesOnly(params), target, labels, features, stats, counts.targetSum());
            if (params.optimise()) {
                return SparkOptimise.fit(sc, passes, List.of(new SparkOptimise.Task<>(SegmentKey.DATASET, grown,
                        params, null, counts.rows(), counts.targetSum()))).get(SegmentKey.DATASET);
            }
            S second = passes.second(sc, fit, Map.of(SegmentKey.DATASET, grown)).get(SegmentKey.DATASET);
            return fit.fit(params, grown, second);
        }
    }

    /**
     * The parameters that grow a model's leaves from value counts: an optimised model's leaves are
     * the reference method's (the optimise step then replaces their scores).
     */
    static Params leavesOnly(Params params) {
        return params.optimise() ? params.toBuilder().optimise(false).build() : params;
    }

    /**
     * A classifier's two labels by the engine's rule ({@link TrainingData#binaryLabels}); none for
     * a regressor, whose target must be numeric.
     */
    static List<Object> labels(Kind kind, Dataset<Row> data, String target) {
        if (kind == Kind.REGRESSOR) {
            Table empty = SparkTables.toTable(data.schema(), List.of(target),
                    SparkTables.indices(data.schema(), List.of(target), "column of the data"), List.of());
            kind.read(empty.column(target), List.of()); // refuses a non-numeric target
            return List.of();
        }
        Dataset<Row> distinct = data.select(target).distinct().limit(3);
        List<Row> values = distinct.collectAsList();
        Table t = SparkTables.toTable(distinct.schema(), List.of(target), new int[] {0}, values);
        return TrainingData.binaryLabels(t.column(target));
    }
}
