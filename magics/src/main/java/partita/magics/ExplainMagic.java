package partita.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import partita.PartitaException;
import partita.magics.render.Chart;
import partita.magics.render.Charts;
import partita.magics.render.Numbers;
import partita.magics.render.Rendered;
import partita.magics.render.TableView;
import partita.model.Contribution;
import partita.model.Explanation;
import partita.model.FeatureProfile;
import partita.model.Leaf;
import partita.model.TransparentModel;
import partita.partition.PartitionedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code %explain}: a model's (or one segment's) importances and step functions, one feature's
 * leaves, or one row's contributions as a waterfall from the model that scores it.
 */
final class ExplainMagic extends PartitaMagic {

    /** Step charts shown when no feature= is given: the most important ones. */
    private static final int TOP_FEATURES = 3;

    ExplainMagic() {
        super(MagicSpec.builder("explain",
                        "Explains a model: a segment's importances and step functions, one feature's leaves, or one row's contributions.")
                .key(ModelArg.key())
                .key(Key.text("segment", "the segment whose model to show (default __dataset__)").completer(Completers.SEGMENTS))
                .key(Key.text("feature", "one feature: its step function and leaves"))
                .key(Key.table("data", "with row=: the table holding the row to explain"))
                .key(Key.integer("row", "with data=: the row (0-based) to explain").defaultValue("0"))
                .example("%explain model=model segment=Husband feature=age")
                .example("%explain model=model data=test row=0")
                .build());
    }

    @Override
    protected Rendered run(MagicCall call) {
        Args args = call.args();
        Object model = ModelArg.resolve(call);
        if (args.has("data") || args.has("row")) {
            return explainRow(call, model);
        }
        String segment = args.optional("segment").orElse(null);
        TransparentModel m = ModelArg.segmentModel(model, segment);
        String who = segment == null ? (model instanceof PartitionedModel ? "__dataset__" : "the model") : segment;
        if (args.has("feature")) {
            FeatureProfile profile = m.profile(args.text("feature"));
            return Rendered.concat(steps(profile).render(), leaves(profile, who + ", scores in " + m.scoreScale()));
        }
        List<Rendered> parts = new ArrayList<>();
        parts.add(TableView.of(importances(m)).caption("Feature importance of " + who + " (" + m.leafCount() + " leaves, base value "
                + String.format("%.4g", m.baseValue()) + ", scores in " + m.scoreScale()
                + (m.optimised() ? ", optimised with penalty " + Numbers.format(m.penalty(), 4) : "") + ")").render());
        m.featureImportances().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(TOP_FEATURES)
                .forEach(e -> parts.add(steps(m.profile(e.getKey())).render()));
        return Rendered.concat(parts.toArray(Rendered[]::new));
    }

    private static Rendered explainRow(MagicCall call, Object model) {
        Args args = call.args();
        Table data = call.table("data");
        int row = args.integer("row");
        if (row < 0 || row >= data.rowCount()) {
            throw new PartitaException("row=" + row + " is outside " + data.name() + ", which has " + data.rowCount()
                    + " rows (0 to " + (data.rowCount() - 1) + ").");
        }
        String who;
        Explanation e;
        TransparentModel scorer;
        if (model instanceof PartitionedModel<?> partitioned) {
            PartitionedModel.RowExplanation re = partitioned.explain(data, row);
            who = re.model();
            e = re.explanation();
            scorer = partitioned.model(who);
        } else {
            who = "the model";
            scorer = (TransparentModel) model;
            e = scorer.explain(data, row);
        }
        StringColumn feature = StringColumn.create("feature");
        StringColumn value = StringColumn.create("value");
        StringColumn leaf = StringColumn.create("leaf");
        DoubleColumn contribution = DoubleColumn.create("contribution");
        List<Charts.Effect> effects = new ArrayList<>();
        for (Contribution c : e.contributions()) {
            feature.append(c.feature());
            value.append(c.value() == null ? "" : String.valueOf(c.value()));
            leaf.append(c.leaf().describe());
            contribution.append(c.contribution());
            effects.add(new Charts.Effect(c.feature(), c.contribution()));
        }
        Table table = Table.create("Row " + row + " of " + data.name() + ", scored by " + who, feature, value, leaf, contribution);
        String summary = String.format("Row %d is scored by %s: base value %.4f + contributions = score %.4f%s (scores in %s).",
                row, who, e.baseValue(), e.score(), Double.isNaN(e.proba()) ? ""
                        : String.format(scorer.optimised() ? ", probability %.4f" : ", calibrated probability %.4f", e.proba()),
                scorer.scoreScale());
        return Rendered.concat(Views.paragraph(summary),
                Charts.waterfall("Why row " + row + " scores " + String.format("%.4f", e.score()) + " (" + who + ")",
                        e.baseValue(), effects, e.score()).render(),
                TableView.of(table.sortDescendingOn("contribution")).maxRows(100).render());
    }

    /** A numeric feature's step function, or a categorical feature's bars. */
    private static Chart steps(FeatureProfile profile) {
        Leaf missing = profile.missingLeaf();
        double missingScore = missing.count() == 0 ? Double.NaN : missing.score();
        List<Leaf> leaves = profile.leaves().stream().filter(l -> !l.missing()).toList();
        if (profile.numeric()) {
            return Charts.steps(profile.feature(),
                    leaves.stream().map(l -> new Charts.NumericStep(l.lower(), l.upper(), l.score())).toList(), missingScore);
        }
        return Charts.categories(profile.feature(),
                leaves.stream().map(l -> new Charts.CategoryStep(l.category(), l.score())).toList(), missingScore);
    }

    private static Rendered leaves(FeatureProfile profile, String who) {
        StringColumn leaf = StringColumn.create("leaf");
        DoubleColumn score = DoubleColumn.create("score");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn freq = DoubleColumn.create("freq");
        IntColumn count = IntColumn.create("rows");
        for (Leaf l : profile.leaves()) {
            leaf.append(l.describe());
            score.append(l.score());
            mean.append(l.mean());
            freq.append(l.freq());
            count.append(l.count());
        }
        return TableView.of(Table.create("Leaves of " + profile.feature() + " in " + who, leaf, score, mean, freq, count))
                .maxRows(200).render();
    }

    private static Table importances(TransparentModel m) {
        StringColumn feature = StringColumn.create("feature");
        DoubleColumn importance = DoubleColumn.create("importance");
        IntColumn leaves = IntColumn.create("leaves");
        m.featureImportances().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    feature.append(e.getKey());
                    importance.append(e.getValue());
                    leaves.append(m.profile(e.getKey()).leaves().size());
                });
        return Table.create("Feature importance", feature, importance, leaves);
    }
}
