package partita.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import partita.Tabular;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Feature importance across segments: rows = features (of the {@code __dataset__} model, in its
 * order), columns = trained segment models ({@code __dataset__} first). A feature that a
 * segment's model does not use (feature subsets) is missing (NaN) there, not 0.
 */
public final class ImportanceMatrix implements Tabular {

    private final List<String> features;
    private final List<String> segments;
    /** values[feature][segment]. */
    private final double[][] values;

    private ImportanceMatrix(List<String> features, List<String> segments, double[][] values) {
        this.features = features;
        this.segments = segments;
        this.values = values;
    }

    static ImportanceMatrix of(PartitionedModel<?> model) {
        List<String> features = model.features();
        List<Segment> trained = model.segments().stream().filter(Segment::trained).toList();
        double[][] v = new double[features.size()][trained.size()];
        for (int s = 0; s < trained.size(); s++) {
            Map<String, Double> imp = trained.get(s).model().featureImportances();
            for (int f = 0; f < features.size(); f++) {
                v[f][s] = imp.getOrDefault(features.get(f), Double.NaN);
            }
        }
        return new ImportanceMatrix(features, trained.stream().map(Segment::name).toList(), v);
    }

    public List<String> features() {
        return features;
    }

    /** Trained segment names, {@code __dataset__} first. */
    public List<String> segments() {
        return segments;
    }

    /** Importance of a feature in a segment's model (NaN when that model does not use it). */
    public double get(String feature, String segment) {
        int f = features.indexOf(feature);
        int s = segments.indexOf(segment);
        if (f < 0) {
            throw partita.PartitaException.unknownName("feature", feature, features);
        }
        if (s < 0) {
            throw partita.PartitaException.unknownName("trained segment", segment, segments);
        }
        return values[f][s];
    }

    /** The matrix: a {@code feature} column and one column per trained segment. */
    @Override
    public Table table() {
        Table t = Table.create("Feature importance by segment", StringColumn.create("feature", features));
        for (int s = 0; s < segments.size(); s++) {
            DoubleColumn c = DoubleColumn.create(segments.get(s));
            for (double[] row : values) {
                c.append(row[s]);
            }
            t.addColumns(c);
        }
        return t;
    }

    /** The k most important features of every segment: segment, rank (1 = most), feature, importance. */
    public Table top(int k) {
        return top(k, segments);
    }

    /** As {@link #top(int)}, for the given segments only (in the matrix's order). */
    public Table top(int k, List<String> only) {
        StringColumn segment = StringColumn.create("segment");
        IntColumn rank = IntColumn.create("rank");
        StringColumn feature = StringColumn.create("feature");
        DoubleColumn importance = DoubleColumn.create("importance");
        for (int s = 0; s < segments.size(); s++) {
            if (!only.contains(segments.get(s))) {
                continue;
            }
            int col = s;
            List<Integer> order = new ArrayList<>();
            for (int f = 0; f < features.size(); f++) {
                if (!Double.isNaN(values[f][s])) {
                    order.add(f);
                }
            }
            order.sort(Comparator.comparingDouble((Integer f) -> -values[f][col]).thenComparingInt(f -> f));
            for (int i = 0; i < Math.min(k, order.size()); i++) {
                segment.append(segments.get(s));
                rank.append(i + 1);
                feature.append(features.get(order.get(i)));
                importance.append(values[order.get(i)][s]);
            }
        }
        return Table.create("Top " + k + " features per segment", segment, rank, feature, importance);
    }

    /**
     * The features whose importance varies most across the segment models ({@code __dataset__}
     * excluded): feature, segments (models using it), mean, std (population), min, max, range,
     * and the segments where it is least and most important; sorted by std, largest first, at most n.
     */
    public Table mostVarying(int n) {
        record Spread(int feature, int count, double mean, double std, int min, int max) { }
        int[] segmentModels = java.util.stream.IntStream.range(1, segments.size()).toArray(); // __dataset__ is 0
        List<Spread> spreads = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            Moments m = Moments.of(values[f], segmentModels); // NaN: the model does not use the feature
            if (m.n() == 0) {
                continue;
            }
            int min = -1;
            int max = -1;
            for (int s : segmentModels) {
                double v = values[f][s];
                if (!Double.isNaN(v)) {
                    min = min < 0 || v < values[f][min] ? s : min;
                    max = max < 0 || v > values[f][max] ? s : max;
                }
            }
            spreads.add(new Spread(f, m.n(), m.mean(), m.std(), min, max));
        }
        spreads.sort(Comparator.comparingDouble((Spread s) -> -s.std).thenComparingInt(Spread::feature));
        StringColumn feature = StringColumn.create("feature");
        IntColumn count = IntColumn.create("segments");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn std = DoubleColumn.create("std");
        DoubleColumn min = DoubleColumn.create("min");
        DoubleColumn max = DoubleColumn.create("max");
        DoubleColumn range = DoubleColumn.create("range");
        StringColumn least = StringColumn.create("least_in");
        StringColumn most = StringColumn.create("most_in");
        for (Spread s : spreads.subList(0, Math.min(n, spreads.size()))) {
            feature.append(features.get(s.feature));
            count.append(s.count);
            mean.append(s.mean);
            std.append(s.std);
            min.append(values[s.feature][s.min]);
            max.append(values[s.feature][s.max]);
            range.append(values[s.feature][s.max] - values[s.feature][s.min]);
            least.append(segments.get(s.min));
            most.append(segments.get(s.max));
        }
        return Table.create("Features whose importance varies most across segments", feature, count, mean, std, min,
                max, range, least, most);
    }
}
