/**
 * Partitioned transparent models: one model per data segment plus a {@code __dataset__} model
 * for every row whose segment has none. Everything a notebook magic shows is computed here:
 * <pre>
 * // %partition data=adult target=income by=relationship min_size=500     (derive=season:date: Level.parse)
 * Partition p = Partition.of(adult, "income", PartitionSpec.parse("relationship").minSize(500));
 * Table segments = p.analysis();          // segment, level, rows, share, missing_target, target_mean, target_std, status
 * // %%partition ... by=native_country   with body "North America: United-States, Canada" / "*: Other"
 * PartitionSpec regions = PartitionSpec.by("native_country").map("native_country", ValueMapping.parse(body));
 *
 * // %train partition=p max_depth=6 policy=auto parallel=4   (%%train body: "Husband: max_depth=8 features=age,sex")
 * PartitionedModel m = p.fit(Partitioner.of(p.spec()).params(Params.builder().maxDepth(6).build())
 *         .policy(Policy.AUTO).threads(4).segmentLines(body)
 *         .onProgress(progress -&gt; bar.update(progress.done(), progress.total()))
 *         .cancelWhen(interrupted::get));
 * Table summary = m.summary();            // segment, level, rows, status, reason, max_depth, ..., leaves, fit_ms, train_auc
 *
 * // %compare model=m test=t folds=5
 * Comparison c = m.compare(t);            // c.table(): segment, rows, single_auc, partitioned_auc, ...; c.statement()
 * CrossValidation cv = m.crossValidate(adult, 5, 42);
 * // %importance model=m top=3
 * ImportanceMatrix im = m.importance();   // im.table(), im.top(3), im.mostVarying(5)
 * // %explain model=m segment=Wife feature=age   /   data=t row=7
 * FeatureProfile steps = m.model("Wife").profile("age");
 * PartitionedModel.RowExplanation why = m.explain(t, 7);
 * // %refit model=m segment=Husband max_depth=4
 * PartitionedModel r = m.refit(Map.of("max_depth", 4), List.of("Husband"), null);
 * Table changes = r.changesFrom(m);
 * // %monitor model=m data=new threshold=0.75 min_new=50
 * MonitorReport mon = m.monitor(newData, 0.75, 50); // mon.segments(), mon.newSegments(), mon.alerts()
 * // %save / %load
 * m.save(Path.of("m.json"));
 * PartitionedModel back = PartitionedModel.load(Path.of("m.json"));
 * </pre>
 * Scoring: {@code predictScore}, {@code predictProba} / {@code predict} (classifier),
 * {@code predict} (regressor), {@code route(table)} and {@code modelFor(table, row)} say which
 * model scored each row. {@link partita.data.JsonTables} reads JSON record arrays
 * (vega-datasets) into tables.
 */
package partita.partition;
