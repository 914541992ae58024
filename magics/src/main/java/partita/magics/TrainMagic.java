package partita.magics;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import partita.magics.render.Highlight;
import partita.magics.render.Rendered;
import partita.magics.render.TableView;
import partita.model.Kind;
import partita.partition.Partition;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.Policy;
import partita.partition.Segment;
import partita.partition.SegmentStatus;
import partita.partition.TrainingCancelledException;
import partita.partition.TrainingSummary;

import tech.tablesaw.api.Table;

/**
 * {@code %train} / {@code %%train}: fits one model per segment of a partition plus
 * {@code __dataset__}, with a live progress bar, and shows the training summary. The cell form
 * takes per-segment parameters and feature subsets. Binds the fitted partitioned model.
 */
final class TrainMagic extends PartitaMagic {

    TrainMagic() {
        super(declaration());
    }

    private static MagicSpec declaration() {
        MagicSpec.Builder b = MagicSpec.builder("train",
                        "Trains one transparent model per segment plus __dataset__ (for rows of segments without a model), in parallel, with a progress bar.")
                .key(Key.variable("partition", "the partition declared by %partition", Partition.class).defaultValue("partition"))
                .key(Key.choice("kind", "classifier or regressor (default: the partition's)", "classifier", "regressor"));
        ParamKeys.keys().forEach(b::key);
        return b.key(Key.choice("policy", "fixed: the same parameters everywhere; auto: depth and min_info_gain follow each segment's size and target variance",
                        "fixed", "auto"))
                .key(Key.list("features", "the features of every model (default: all columns but the target and the partition columns)")
                        .completer(Completers.PARTITION_COLUMNS))
                .key(Key.integer("parallel", "threads training segments at once (default: the machine's cores); results do not depend on it"))
                .key(Key.number("guard", "guarded routing: the share of rows held out; a segment keeps its model only where it beats __dataset__ on them"))
                .key(Key.integer("seed", "seed of the guard's held-out rows").defaultValue("42"))
                .key(Key.binding("model"))
                .cell("segment: param=value ... features=a,b",
                        "per-segment parameters and feature subsets, one segment per line", Completers.PARTITION_SEGMENTS)
                .example("%train max_depth=6 min_info_gain=0.005")
                .example("%train partition=regions kind=regressor policy=auto as=regionModel")
                .example("%%train partition=work\nSelf-employed: max_depth=7 features=age,occupation,capital_gain")
                .build();
    }

    @Override
    protected Rendered run(MagicCall call) {
        Args args = call.args();
        Partition partition = call.notebook().value("partition", args.text("partition"), Partition.class);
        Kind kind = args.has("kind") ? Kind.parse(args.text("kind")) : partition.kind();
        PartitionedTrainer<?> trainer = PartitionedTrainer.of(kind.estimator(ParamKeys.params(args)), partition.spec());
        if (args.has("policy")) {
            trainer = trainer.policy(Policy.parse(args.text("policy")));
        }
        if (args.has("features")) {
            trainer = trainer.features(args.list("features"));
        }
        if (args.has("parallel")) {
            trainer = trainer.threads(args.integer("parallel"));
        }
        if (args.has("guard")) {
            trainer = trainer.guarded(args.number("guard"), args.integer("seed"));
        }
        if (call.isCell()) {
            trainer = withSegmentLines(trainer, call);
        }
        String title = "Training " + partition.target() + " by " + partition.spec();
        AtomicReference<Progress> bar = new AtomicReference<>();
        trainer = trainer.onProgress(p -> {
            if (bar.get() == null) {
                bar.set(call.progress(title, p.total()));
            }
            bar.get().advance(p.segment().name() + " " + p.segment().status().label());
        }).cancelWhen(call.cancel());

        long start = System.nanoTime();
        PartitionedModel<?> model;
        try {
            model = trainer.fit(partition.data(), partition.target());
        } catch (TrainingCancelledException e) {
            if (bar.get() != null) {
                bar.get().stop("interrupted");
            }
            throw new CancelledException("%train stopped between segments: " + e.getMessage());
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (bar.get() != null) {
            bar.get().finish(model.trainedSegments().size() + " models in " + ms + " ms");
        }
        String name = call.bind(model, ModelArg.javaType(model));

        TrainingSummary summary = model.summary();
        Table table = summary.table();
        List<Segment> segments = summary.segments();
        String leftOut = args.has("features") ? "" : partition.featureNote();
        return Rendered.concat(leftOut.isEmpty() ? Rendered.concat() : Views.paragraph("Note: " + leftOut),
                TableView.of(table)
                        .caption(table.name() + " in " + ms + " ms")
                        .markRows(r -> segments.get(r).status() == SegmentStatus.FAILED, Highlight.ALERT)
                        .markRows(r -> segments.get(r).key().isDataset(), Highlight.TOTAL)
                        .maxRows(80)
                        .render(),
                Views.paragraph(model.trainedSegments().size() + " of " + model.segments().size()
                        + " segments have a model; rows of the others are scored by their parent level or __dataset__. Bound to "
                        + name + " (" + Views.describe(model) + ")."));
    }

    /** The keys of a {@code %%train} body line: the model parameters and features=. */
    private static final List<Key> LINE_KEYS = Stream.concat(ParamKeys.keys().stream(),
            Stream.of(Key.list("features", "the features of this segment's model"))).toList();

    /** Per-segment parameters and feature subsets from the body lines. */
    private static PartitionedTrainer<?> withSegmentLines(PartitionedTrainer<?> trainer, MagicCall call) {
        PartitionedTrainer<?> out = trainer;
        for (CellBody.SegmentLine line : CellBody.segmentLines(call.args().spec(), LINE_KEYS, call.body())) {
            Args words = line.args();
            if (words.has("features")) {
                out = out.features(line.segment(), words.list("features").toArray(String[]::new));
            }
            var settings = ParamKeys.given(words);
            if (!settings.isEmpty()) {
                out = out.override(line.segment(), ParamKeys.change(settings));
            }
        }
        return out;
    }
}
