/**
 * Partitioned transparent models: one model per data segment plus a {@code __dataset__} model
 * for every row whose segment has none. {@link partita.partition.PartitionedTrainer} is the
 * meta-estimator: it wraps any {@link partita.model.Estimator} and fits it on every segment of a
 * {@link partita.partition.segment.PartitionSpec}; {@code fit} returns an immutable
 * {@link partita.partition.PartitionedModel}, generic in its segment models. Everything a
 * notebook magic shows is one call here, and a typed result with a {@code table()} view:
 * <pre>
 * var spec = PartitionSpec.by("relationship").minSize(300);              // %partition ... by=relationship
 * SegmentAnalysis segments = Partition.of(train, "income", spec).analysis();
 *
 * PartitionedModel&lt;ClassifierModel&gt; m =                                 // %train / %%train
 *     PartitionedTrainer.of(new XClassifier(Params.builder().maxDepth(6).build()), spec)
 *         .override("Husband", p -&gt; p.maxDepth(8))                       //   Husband: max_depth=8
 *         .features("Husband", "age", "hours_per_week")                  //   Husband: features=...
 *         .policy(Policy.AUTO).guarded(0.2, 42).threads(2)               //   policy=auto guard=0.2
 *         .onProgress(p -&gt; bar.update(p.done(), p.total())).cancelWhen(stop::get)
 *         .fit(train, "income");
 * TrainingSummary summary = m.summary();
 * Comparison c = m.compare(test);                                        // %compare test=
 * CrossValidation cv = m.trainer().crossValidate(train, "income", 5, 42); // %compare data= folds=
 * ImportanceMatrix im = m.importance();                                  // %importance
 * PartitionedModel.RowExplanation why = m.explain(test, 7);              // %explain data= row=
 * PartitionedModel&lt;ClassifierModel&gt; r = m.refit(p -&gt; p.maxDepth(4), "Husband"); // %refit
 * MonitorReport mon = m.monitor(newRows, 0.75, 50);                      // %monitor
 * </pre>
 * Scoring: {@code predictScore}, {@code predictProba} (classifier), {@code predict}; {@code route}
 * and {@code modelFor} say which model scored each row. Model files are
 * {@link partita.io.ModelFiles}'. Metrics are {@link partita.eval.Metric}s, the kind's
 * ({@link partita.model.Kind}). Depends on {@code partita.model}, {@code partita.eval} and
 * {@link partita.partition.segment}; knows nothing of notebooks or files.
 */
package partita.partition;
