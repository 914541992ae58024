package partita.magics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import partita.PartitaException;
import partita.magics.render.Charts;
import partita.magics.render.Highlight;
import partita.magics.render.Rendered;
import partita.magics.render.TableView;
import partita.model.Kind;
import partita.partition.Partition;
import partita.partition.SegmentAnalysis;
import partita.partition.segment.Derivation;
import partita.partition.segment.Level;
import partita.partition.segment.PartitionSpec;
import tech.tablesaw.api.Table;

/**
 * {@code %partition} / {@code %%partition}: declares the segments of a table and shows the
 * segment analysis (rows, share, target mean and std, whether each segment gets a model) with a
 * chart of sizes and target rates. Binds a {@link Partition} for {@code %train}.
 */
final class PartitionMagic extends PartitaMagic {

    PartitionMagic() {
        super(MagicSpec.builder("partition",
                        "Declares the segments of a table (one column, a hierarchy, or levels derived from a date) and shows each segment's size and target.")
                .key(Key.table("data", "a notebook variable holding a Table, or a CSV path").required())
                .key(Key.column("target", "the column to predict").required())
                .key(Key.columns("by", "the column(s) whose values are the segments; several columns make a hierarchy, outermost first"))
                .key(Key.list("derive", "levels derived from a date column: season:col, month:col, quarter:col, weekday:col or weekend:col"))
                .key(Key.list("min_size", "rows a segment needs for a model of its own: one number for every level, or one per level (default 100)"))
                .key(Key.choice("kind", "classifier or regressor (default: classifier for a two-valued target, else regressor)",
                        "classifier", "regressor"))
                .key(Key.column("map", "with %%partition: the by= column whose values the body maps into groups (default: the last by= column)"))
                .key(Key.binding("partition"))
                .cell("Group: value1, value2, ...   and   *: Other",
                        "maps raw values of a by= column into segment groups; '*: Other' collects every value not listed, including values never seen")
                .example("%partition data=adult target=income by=relationship min_size=300")
                .example("%partition data=adult target=income by=sex,relationship min_size=2000,400")
                .example("%partition data=weather target=temp_max derive=season:date")
                .build());
    }

    @Override
    protected Rendered run(MagicCall call) {
        Args args = call.args();
        Table data = call.table("data");
        String target = args.text("target");
        List<String> levels = new ArrayList<>(args.list("by"));
        List<String> derived = args.list("derive");
        if (levels.isEmpty() && derived.isEmpty()) {
            throw new PartitaException("%partition needs by=column (or derive=season:date, ...) to say what the segments are. "
                    + "Columns of " + data.name() + ": " + String.join(", ", data.columnNames()) + ".");
        }
        List<Level> parsed = new ArrayList<>();
        for (String column : levels) {
            // a by= word that is no column but reads as derivation:column derives, as derive= does
            parsed.add(data.containsColumn(column) || !column.contains(":") ? Level.of(column) : derivedLevel(column));
        }
        derived.forEach(d -> parsed.add(derivedLevel(d)));
        PartitionSpec spec = new PartitionSpec(parsed);
        spec = withMinSizes(spec, args.list("min_size"));
        if (call.isCell()) {
            List<String> by = args.list("by");
            if (by.isEmpty()) {
                throw new PartitaException("%%partition maps the values of a by= column, but none was given: add by=column.");
            }
            String mapped = args.text("map", by.get(by.size() - 1));
            spec = spec.map(mapped, CellBody.valueMapping(call.body()));
        }
        Partition partition = args.has("kind")
                ? new Partition(data, target, Kind.parse(args.text("kind")), spec)
                : Partition.of(data, target, spec);
        SegmentAnalysis analysis = partition.analysis(); // validates the target before anything is bound
        String name = call.bind(partition, Partition.class);

        List<SegmentAnalysis.Row> rows = analysis.rows();
        List<Charts.SegmentSize> sizes = rows.subList(1, rows.size()).stream() // row 0 is __dataset__, all rows
                .map(r -> new Charts.SegmentSize(r.segment(), r.rows(), r.targetMean())).toList();
        String targetLabel = partition.kind() == Kind.CLASSIFIER ? "rate of " + positiveLabel(partition) : "mean " + target;
        TableView table = TableView.of(analysis.table())
                .caption(rows.size() + " segments of " + data.name() + " by " + spec + " (target " + target + ", "
                        + partition.kind().label() + ")")
                .markRows(r -> !rows.get(r).wouldTrain(), Highlight.ALERT)
                .maxRows(60);
        List<String> notes = partition.notes();
        List<Charts.SegmentSize> drawn = Views.largestOnly(sizes, s -> (int) s.rows());
        return Rendered.concat(table.render(),
                Charts.partition("Segments by " + spec, targetLabel, drawn).render(),
                Views.shownOf(drawn.size() + 1, sizes.size() + 1, name + ".analysis()"),
                notes.isEmpty() ? Rendered.concat() : Views.paragraph("Note: " + String.join("\nNote: ", notes)),
                Views.paragraph("Bound to " + name + ": train it with %train partition=" + name + "."));
    }

    /** {@code season:date}: a level derived from a date column. */
    private static Level derivedLevel(String word) {
        int colon = word.indexOf(':');
        if (colon < 0) {
            throw new PartitaException("derive=" + word + " is not derivation:column. Write e.g. derive=season:date"
                    + " (season, month, quarter, weekday or weekend of a date column).");
        }
        return Level.derived(Derivation.parse(word.substring(0, colon)), word.substring(colon + 1).strip());
    }

    private static PartitionSpec withMinSizes(PartitionSpec spec, List<String> given) {
        if (given.isEmpty()) {
            return spec;
        }
        int[] sizes = given.stream().mapToInt(s -> {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new PartitaException("%partition min_size=" + String.join(",", given)
                        + " must be whole numbers of rows (one for all levels, or one per level).");
            }
        }).toArray();
        if (sizes.length == 1) {
            return spec.minSize(sizes[0]);
        }
        if (sizes.length != spec.depth()) {
            throw new PartitaException("%partition min_size= has " + sizes.length + " values for " + spec.depth()
                    + " levels (" + String.join(", ", spec.levelNames()) + "): give one value, or one per level.");
        }
        return spec.minSizes(Arrays.copyOf(sizes, sizes.length));
    }

    /** The label whose share target_mean measures (the second label, mapped to 1). */
    private static String positiveLabel(Partition partition) {
        List<Object> labels = partition.labels();
        return labels.size() == 2 ? String.valueOf(labels.get(1)) : partition.target();
    }
}
