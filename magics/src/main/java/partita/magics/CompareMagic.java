package partita.magics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import partita.PartitaException;
import partita.Tabular;
import partita.eval.Metric;
import partita.magics.render.Charts;
import partita.magics.render.Highlight;
import partita.magics.render.Rendered;
import partita.magics.render.TableView;
import partita.partition.Comparison;
import partita.partition.CrossValidation;
import partita.partition.PartitionedModel;
import partita.partition.TrainingCancelledException;
import tech.tablesaw.api.Table;

/**
 * {@code %compare}: the partitioned model against its single {@code __dataset__} model on a
 * labelled table, overall ({@code ALL}) and per segment, or cross-validated over seeded folds;
 * a table, a plain statement and a grouped bar chart. Binds the {@link Comparison} (or the
 * {@link CrossValidation}); its {@code table()} is the Table shown.
 */
final class CompareMagic extends PartitaMagic {

    CompareMagic() {
        super(MagicSpec.builder("compare",
                        "Compares the partitioned model with the single __dataset__ model on labelled rows, overall and per segment.")
                .key(ModelArg.partitionedKey())
                .key(Key.table("test", "held-out labelled rows to score: a notebook variable holding a Table, or a CSV path"))
                .key(Key.table("data", "with folds=: the labelled rows both models are refitted and scored on, fold by fold"))
                .key(Key.integer("folds", "cross-validate: refit both models on this many seeded folds of data= and report mean and spread"))
                .key(Key.integer("seed", "seed of the folds").defaultValue("42"))
                .key(Key.variable("against", "another partitioned model (e.g. the reference one beside an optimised one): both, single and partitioned, side by side on test=",
                        PartitionedModel.class))
                .key(Key.binding("comparison"))
                .example("%compare model=model test=test")
                .example("%compare model=model data=train folds=5 as=cv")
                .example("%compare model=optimised test=test against=reference")
                .build());
    }

    @Override
    protected Rendered run(MagicCall call) {
        Args args = call.args();
        PartitionedModel<?> model = ModelArg.partitioned(call);
        if (args.has("folds") && !args.has("data")) {
            throw new PartitaException(args.has("test")
                    ? "folds= refits both models on the rows given, fold by fold: name them data=, not test= (e.g."
                    + " %compare model=" + args.text("model") + " data=" + args.text("test") + " folds=" + args.text("folds") + ")."
                    : "folds= needs data=: the labelled rows to refit and score both models on, fold by fold.");
        }
        if (!args.has("folds") && !args.has("test")) {
            throw new PartitaException(args.has("data")
                    ? "data= is for cross-validation with folds=; to score held-out rows name them test= (e.g. %compare"
                    + " model=" + args.text("model") + " test=" + args.text("data") + ")."
                    : "%compare needs test= (held-out labelled rows) or data= with folds= (cross-validation).");
        }
        if (args.has("folds") && args.has("test")) {
            throw new PartitaException("Give test= (score held-out rows) or data= with folds= (cross-validate), not both.");
        }
        Table test = call.table(args.has("folds") ? "data" : "test");
        Metric metric = model.kind().headline();
        Tabular result;
        String statement;
        List<Charts.MetricPair> pairs;
        List<String> verdicts;
        Map<String, Integer> rows = new LinkedHashMap<>();
        if (args.has("folds")) {
            CrossValidation cv;
            try {
                cv = model.trainer().cancelWhen(call.cancel())
                        .crossValidate(test, model.target(), args.integer("folds"), args.integer("seed"));
            } catch (TrainingCancelledException e) {
                throw new CancelledException("%compare folds= stopped between segment fits: " + e.getMessage());
            }
            result = cv;
            statement = cv.statement();
            pairs = cv.summaries().stream().map(s -> new Charts.MetricPair(s.segment(),
                    CrossValidation.mean(s.single().get(metric)), CrossValidation.mean(s.partitioned().get(metric)))).toList();
            verdicts = cv.summaries().stream().map(CrossValidation.Summary::verdict).toList();
            cv.summaries().forEach(s -> rows.put(s.segment(), s.rows()));
        } else {
            Comparison comparison = model.compare(test);
            result = comparison;
            statement = comparison.statement();
            pairs = comparison.rows().stream().map(r -> new Charts.MetricPair(r.segment(),
                    r.single().get(metric), r.partitioned().get(metric))).toList();
            verdicts = comparison.rows().stream().map(Comparison.Row::verdict).toList();
            comparison.rows().forEach(r -> rows.put(r.segment(), r.rows()));
        }
        Rendered side = Rendered.concat();
        if (args.has("against")) {
            if (args.has("folds")) {
                throw new PartitaException("against= shows two models on the test rows; it does not combine with folds=."
                        + " Leave one of them out.");
            }
            Map<String, Comparison> both = new LinkedHashMap<>();
            both.put(args.text("against"), call.notebook().value("against", args.text("against"), PartitionedModel.class)
                    .compare(test));
            both.put(args.text("model"), model.compare(test));
            side = TableView.of(Comparison.sideBySide(both)).caption("Models side by side on " + test.name()
                    + " (classifier metrics from each model's probabilities)").render();
        }
        Table table = result.table();
        String name = call.bind(result, result.getClass());
        List<Charts.MetricPair> drawn = Views.largest(pairs, p -> rows.get(p.segment()));
        // the verdict right after the segment's size, so a wide table still shows it (the bound table keeps its order)
        List<String> order = new java.util.ArrayList<>(List.of("segment", "rows", "verdict"));
        table.columnNames().stream().filter(c -> !order.contains(c)).forEach(order::add);
        Table shown = table.containsColumn("verdict") && table.containsColumn("rows")
                ? table.reorderColumns(order.toArray(String[]::new)) : table;
        Rendered view = TableView.of(shown)
                .caption(shown.name() + " on " + test.name())
                .markRows(r -> r == 0, Highlight.TOTAL) // ALL
                .markRows(r -> verdicts.get(r).equals("worse"), Highlight.ALERT)
                .maxRows(60)
                .render();
        return Rendered.concat(side, view, Views.paragraph(statement), Charts.compare(metric.label(), drawn).render(),
                Views.shownOf(drawn.size(), pairs.size(), name), Views.bound(name, result));
    }
}
