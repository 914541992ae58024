package partita.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import partita.PartitaException;
import partita.io.ModelFiles;
import partita.model.Kind;
import partita.partition.PartitionedModel;
import tech.tablesaw.api.Table;

/**
 * Scores a Dataset with a partitioned model where the data is. The model is broadcast once (as
 * the bytes of its model file); each executor reads it once and scores its partitions in chunks
 * with the engine's own routing and scoring, so every row gets exactly the numbers
 * {@link PartitionedModel#predictScore}, {@code predictProba} / {@code predict} and
 * {@link PartitionedModel#scoredBy} give on it in a notebook.
 *
 * <pre>
 * Dataset&lt;Row&gt; scored = PartitionedScoring.score(spark.read().parquet("s3://.../customers"), model);
 * // + score, probability (classifier) or prediction (regressor), scored_by
 * </pre>
 */
public final class PartitionedScoring {

    /** Added columns: the additive score, then probability or prediction, then the scoring segment. */
    public static final String SCORE = "score";
    public static final String PROBABILITY = "probability";
    public static final String PREDICTION = "prediction";
    public static final String SCORED_BY = "scored_by";

    private PartitionedScoring() {
    }

    /**
     * The rows of {@code data} with three columns added: {@link #SCORE}, {@link #PROBABILITY}
     * (classifier) or {@link #PREDICTION} (regressor, clipped to the serving model's range), and
     * {@link #SCORED_BY}. {@code data} must hold the model's features and partition columns
     * (other columns pass through); rows of segments the model never saw fall back as in a notebook.
     */
    public static Dataset<Row> score(Dataset<Row> data, PartitionedModel<?> model) {
        StructType schema = data.schema();
        List<String> needed = new ArrayList<>(new LinkedHashSet<>(model.spec().columns()));
        model.features().stream().filter(f -> !needed.contains(f)).forEach(needed::add);
        SparkTables.indices(schema, needed, "column of the data (the model needs its features and partition columns)");
        String valueColumn = model.kind() == Kind.CLASSIFIER ? PROBABILITY : PREDICTION;
        for (String added : List.of(SCORE, valueColumn, SCORED_BY)) {
            if (List.of(schema.fieldNames()).contains(added)) {
                throw new PartitaException("The data already has a column '" + added + "', which scoring adds. Rename"
                        + " or drop it first (e.g. data.withColumnRenamed(\"" + added + "\", \"" + added + "_in\")).");
            }
        }
        StructType out = schema
                .add(DataTypes.createStructField(SCORE, DataTypes.DoubleType, false))
                .add(DataTypes.createStructField(valueColumn, DataTypes.DoubleType, false))
                .add(DataTypes.createStructField(SCORED_BY, DataTypes.StringType, false));
        Shipped<byte[], PartitionedModel<?>> shipped = Shipped.of(
                JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext()), ModelFiles.toBytes(model),
                b -> ModelFiles.fromBytes(b, PartitionedModel.class));
        return data.mapPartitions(new Scorer(shipped, schema, needed), Encoders.row(out));
    }

    /** Scores one partition, chunk by chunk. */
    private record Scorer(Shipped<byte[], PartitionedModel<?>> shipped, StructType schema, List<String> needed)
            implements MapPartitionsFunction<Row, Row> {

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            PartitionedModel<?> model = shipped.get();
            int[] at = SparkTables.indices(schema, needed, "column");
            Iterator<List<Row>> chunks = SparkTables.chunks(rows);
            return new Iterator<>() {
                private Iterator<Row> scored = List.<Row>of().iterator();

                @Override
                public boolean hasNext() {
                    while (!scored.hasNext() && chunks.hasNext()) {
                        scored = scoreChunk(model, at, chunks.next()).iterator();
                    }
                    return scored.hasNext();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return scored.next();
                }
            };
        }

        private List<Row> scoreChunk(PartitionedModel<?> model, int[] at, List<Row> in) {
            Table t = SparkTables.toTable(schema, needed, at, in);
            double[] score = model.predictScore(t);
            double[] value = model.kind() == Kind.CLASSIFIER ? model.predictProba(t)
                    : model.predict(t).stream().mapToDouble(v -> (Double) v).toArray();
            List<String> by = model.scoredBy(t);
            List<Row> out = new ArrayList<>(in.size());
            for (int i = 0; i < in.size(); i++) {
                Row r = in.get(i);
                Object[] values = new Object[r.length() + 3];
                for (int j = 0; j < r.length(); j++) {
                    values[j] = r.get(j);
                }
                values[r.length()] = score[i];
                values[r.length() + 1] = value[i];
                values[r.length() + 2] = by.get(i);
                out.add(RowFactory.create(values));
            }
            return out;
        }
    }
}
