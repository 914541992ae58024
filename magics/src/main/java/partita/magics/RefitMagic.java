package partita.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import partita.PartitaException;
import partita.magics.render.Charts;
import partita.magics.render.Rendered;
import partita.magics.render.TableView;
import partita.model.Params;
import partita.model.TransparentModel;
import partita.partition.PartitionedModel;
import partita.partition.RefitChanges;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code %refit}: rapid refit of all or some segments (or of a single model) with new
 * parameters, from the split statistics kept in the models, without the data; shows what
 * changed and rebinds the model (under its own name unless {@code as=} says otherwise).
 */
final class RefitMagic extends PartitaMagic {

    RefitMagic() {
        super(declaration());
    }

    private static MagicSpec declaration() {
        MagicSpec.Builder b = MagicSpec.builder("refit",
                        "Rapid refit with new parameters, without the data: all or some segments, all or some features.")
                .key(ModelArg.key())
                .key(Key.list("segment", "segments to refit, comma-separated (default: every trained segment and __dataset__)")
                        .completer(Completers.SEGMENTS))
                .key(Key.list("features", "features whose parameters change (default: all)"));
        ParamKeys.keys().forEach(b::key);
        return b.key(Key.text("as", "notebook variable that receives the refitted model (default: the model= variable)"))
                .example("%refit model=model segment=Husband max_depth=3")
                .example("%refit model=model min_info_gain=0.02")
                .build();
    }

    @Override
    protected Rendered run(MagicCall call) {
        Args args = call.args();
        Object model = ModelArg.resolve(call);
        Map<String, String> settings = ParamKeys.given(args);
        if (settings.isEmpty()) {
            throw new PartitaException("%refit needs at least one parameter to change, e.g. max_depth=4 or min_info_gain=0.01. "
                    + "Parameters: " + String.join(", ", Params.NAMES) + ".");
        }
        String name = args.text("as", args.text("model"));
        if (!Names.isJavaName(name)) {
            throw new PartitaException("as=" + name + " is not a name a Java cell can use: give a Java identifier such as as=model2.");
        }
        List<String> features = args.list("features");
        Table changes;
        List<Charts.BeforeAfter> bars = new ArrayList<>();
        Object refitted;
        long start = System.nanoTime();
        if (model instanceof PartitionedModel<?> partitioned) {
            PartitionedModel<?> after = partitioned.refit(ParamKeys.change(settings), args.list("segment"), features);
            RefitChanges typed = after.changesFrom(partitioned);
            typed.rows().forEach(r -> bars.add(new Charts.BeforeAfter(r.segment(), r.leavesBefore(), r.leavesAfter())));
            changes = typed.table();
            refitted = after;
        } else {
            if (args.has("segment")) {
                throw new PartitaException("segment= applies to a partitioned model; this model is a single "
                        + model.getClass().getSimpleName() + ". Leave segment= out.");
            }
            TransparentModel before = (TransparentModel) model;
            TransparentModel after = before.refit(ParamKeys.change(settings), features.toArray(String[]::new));
            changes = leafChanges(before, after, bars);
            refitted = after;
        }
        double ms = (System.nanoTime() - start) / 1e6;
        call.notebook().bind(name, refitted, ModelArg.javaType(refitted));
        java.util.Set<String> thinned = new java.util.TreeSet<>();
        if (model instanceof PartitionedModel<?> p) {
            p.trainedSegments().forEach(seg -> thinned.addAll(p.model(seg).thinnedFeatures()));
        } else {
            thinned.addAll(((TransparentModel) model).thinnedFeatures());
        }
        return Rendered.concat(
                thinned.isEmpty() ? Rendered.concat() : Views.paragraph("Note: this model was loaded from a file that keeps"
                        + " at most " + partita.model.SplitStats.Numeric.MAX_STORED + " candidate splits of "
                        + String.join(", ", thinned) + ", so those features were re-grown from fewer candidates than a"
                        + " fit would use. For an exact refit attach the training table first: withTrainingData(table)."),
                TableView.of(changes).caption("Refit with " + settings + " in " + String.format("%.1f", ms) + " ms").render(),
                Charts.beforeAfter("Leaves before and after the refit", "leaves", bars).render(),
                Views.bound(name, refitted));
    }

    /** Per feature of a single model: leaves before and after (also added to the chart's bars). */
    private static Table leafChanges(TransparentModel before, TransparentModel after, List<Charts.BeforeAfter> bars) {
        StringColumn feature = StringColumn.create("feature");
        IntColumn lb = IntColumn.create("leaves_before");
        IntColumn la = IntColumn.create("leaves_after");
        for (String f : before.features()) {
            int b = before.profile(f).leaves().size();
            int a = after.profile(f).leaves().size();
            feature.append(f);
            lb.append(b);
            la.append(a);
            bars.add(new Charts.BeforeAfter(f, b, a));
        }
        return Table.create("Refit changes", feature, lb, la);
    }
}
