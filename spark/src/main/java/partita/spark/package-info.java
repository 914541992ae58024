/**
 * Partitioned models on Apache Spark (provided by the cluster; Spark 4.x for Scala 2.13).
 * {@link partita.spark.PartitionedScoring} scores a Dataset where it lives with the engine's
 * own code, so every row gets the numbers a notebook gives it; {@link partita.spark.SparkTables}
 * moves rows between Spark and tablesaw; {@link partita.spark.SparkTraining} fits a transparent
 * model from statistics aggregated by Spark (the engine's {@link partita.model.ValueCounts},
 * {@link partita.model.CalibrationBins}, {@link partita.model.LeafCounts}, and for the optimise
 * step {@link partita.model.LeafSums} through {@link partita.model.OptimiseStep}), the model of the
 * same rows in a notebook; {@link partita.spark.SparkPartitionedTrainer} trains a partitioned model
 * the same way, deciding each segment with the engine's {@link partita.partition.SegmentPlanner};
 * {@code NumericCandidates} sorts numeric values by Spark and thins them to candidate splits
 * where they are, {@code SortedCounts} sorts distributions as large as the rows (AUC, drift
 * deciles), so the driver never holds a value per row. Depends on the engine ({@code partita.io},
 * {@code partita.partition}) and Spark; nothing in the engine depends on this module.
 */
package partita.spark;
