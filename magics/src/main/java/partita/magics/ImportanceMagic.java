package partita.magics;

import java.util.List;

import partita.PartitaException;
import partita.magics.render.Charts;
import partita.magics.render.Rendered;
import partita.magics.render.TableView;
import partita.partition.ImportanceMatrix;
import partita.partition.PartitionedModel;
import tech.tablesaw.api.Table;

/**
 * {@code %importance}: the feature x segment importance heatmap (values on hover), the top
 * features of each segment and the features whose importance varies most across segments.
 * Binds the {@link partita.partition.ImportanceMatrix} (its table() is the feature x segment Table).
 */
final class ImportanceMagic extends PartitaMagic {

    ImportanceMagic() {
        super(MagicSpec.builder("importance",
                        "Feature importance across segments: heatmap, top features per segment, most varying features.")
                .key(ModelArg.partitionedKey())
                .key(Key.integer("top", "how many top features per segment, and most varying features").defaultValue("5"))
                .key(Key.binding("importance"))
                .example("%importance model=model top=3")
                .build());
    }

    @Override
    protected Rendered run(MagicCall call) {
        Args args = call.args();
        PartitionedModel<?> model = ModelArg.partitioned(call);
        int top = args.integer("top");
        if (top < 1) {
            throw new PartitaException("top=" + top + " shows nothing: give at least 1 (default 5).");
        }
        ImportanceMatrix matrix = model.importance();
        List<String> features = matrix.features();
        List<String> all = matrix.segments();
        List<String> segments = Views.largest(all, s -> model.segment(s).rows());
        double[][] values = new double[features.size()][segments.size()];
        for (int f = 0; f < features.size(); f++) {
            for (int s = 0; s < segments.size(); s++) {
                values[f][s] = matrix.get(features.get(f), segments.get(s));
            }
        }
        String name = call.bind(matrix, ImportanceMatrix.class);
        Table topShown = matrix.top(top, segments);
        return Rendered.concat(
                Charts.importance("Feature importance by segment (" + model.target() + ")",
                        new Charts.ImportanceGrid(features, segments, values)).render(),
                Views.shownOf(segments.size(), all.size(), name),
                TableView.of(topShown).maxRows(top * segments.size()).render(),
                TableView.of(matrix.mostVarying(top)).render(),
                Views.bound(name, matrix));
    }
}
