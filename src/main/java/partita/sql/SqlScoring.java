package partita.sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import partita.PartitaException;
import partita.model.ClassifierModel;
import partita.model.FeatureProfile;
import partita.model.Leaf;
import partita.model.RegressorModel;
import partita.model.TransparentModel;
import partita.partition.PartitionedModel;
import partita.partition.segment.Derivation;
import partita.partition.segment.Level;
import partita.partition.segment.SegmentKey;

/**
 * A model as one SQL query: every column of the table, then {@code partita_segment},
 * {@code partita_score} and {@code partita_probability} (classifier) or {@code partita_prediction}
 * (regressor). Each feature is one CASE that maps
 * a cell to its leaf score exactly as the engine does (docs/algorithm.md section 3): numeric
 * cells by the first leaf whose upper bound is &gt;= the value, categorical cells by their text,
 * and missing cells (NULL, NaN, empty text) and unseen categories to the missing leaf. Scores are
 * summed in feature order with the base value last, as {@code predictScore} does, so the
 * numbers are Java's to the last bits (literals are written to round-trip as doubles).
 */
public final class SqlScoring {

    static final String SEGMENT = "partita_segment";
    static final String SCORE = "partita_score";
    static final String PROBABILITY = "partita_probability";
    static final String PREDICTION = "partita_prediction";

    private SqlScoring() {
    }

    /** The query scoring every row of {@code table} with a single model. */
    public static String query(TransparentModel model, String table, SqlDialect dialect) {
        return query(literal(SegmentKey.DATASET_NAME), List.of(new Served(SegmentKey.DATASET_NAME, model)), table,
                dialect);
    }

    /**
     * The query scoring every row of {@code table} with a partitioned model: each row goes to its
     * deepest trained segment, else the parent's, else {@code __dataset__}, as {@code route}.
     */
    public static String query(PartitionedModel<?> model, String table, SqlDialect dialect) {
        List<Level> levels = model.spec().levels();
        List<SegmentCondition> conditions = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            conditions.add(new SegmentCondition(levels.get(l), model.keyTypes().get(l)));
        }
        List<Served> served = new ArrayList<>();
        served.add(new Served(SegmentKey.DATASET_NAME, model.datasetModel()));
        StringBuilder route = new StringBuilder("CASE");
        model.segments().stream().filter(s -> s.trained() && !s.key().isDataset())
                .sorted((a, b) -> Integer.compare(b.key().depth(), a.key().depth())).forEach(s -> {
                    List<String> path = new ArrayList<>();
                    for (int l = 0; l < s.key().depth(); l++) {
                        path.add(conditions.get(l).matches(s.key().value(l)));
                    }
                    route.append("\n      WHEN ").append(String.join("\n       AND ", path))
                            .append("\n      THEN ").append(literal(s.name()));
                    served.add(new Served(s.name(), s.model()));
                });
        route.append("\n      ELSE ").append(literal(SegmentKey.DATASET_NAME)).append(" END");
        return query(served.size() == 1 ? literal(SegmentKey.DATASET_NAME) : route.toString(), served, table, dialect);
    }

    /** A segment's name and the model that serves its rows. */
    private record Served(String segment, TransparentModel model) {
    }

    /**
     * Three steps, read top-down: {@code routed} gives each row its segment, {@code scored} its
     * segment model's score, and the final select turns the score into a probability or
     * prediction. {@code OFFSET 0} keeps PostgreSQL from merging a step into the next, which
     * would repeat the route in every segment's branch and the score in every use of it (sixty
     * times slower on adult).
     */
    private static String query(String route, List<Served> served, String table, SqlDialect dialect) {
        String score = perSegment(served, s -> "-- model of segment " + comment(s.segment) + "\n      "
                + score(s.model, "      "));
        String outcome = perSegment(served, s -> outcome(s.model, identifier(SCORE), dialect));
        String name = served.get(0).model instanceof ClassifierModel ? PROBABILITY : PREDICTION;
        return "WITH routed AS (\n  SELECT *,\n    " + route + " AS " + identifier(SEGMENT)
                + "\n  FROM " + tableName(table) + "\n  OFFSET 0\n), scored AS (\n  SELECT *,\n    " + score
                + " AS " + identifier(SCORE) + "\n  FROM routed\n  OFFSET 0\n)\nSELECT *,\n  " + outcome + " AS "
                + identifier(name) + "\nFROM scored";
    }

    /** The expression itself for one model, else a CASE over the row's segment. */
    private static String perSegment(List<Served> served, Function<Served, String> f) {
        if (served.size() == 1) {
            return f.apply(served.get(0));
        }
        StringBuilder b = new StringBuilder("CASE " + identifier(SEGMENT));
        for (Served s : served) {
            b.append("\n    WHEN ").append(literal(s.segment)).append(" THEN ").append(f.apply(s));
        }
        return b.append("\n  END").toString();
    }

    /** The model's score: its features' leaf scores in feature order, then the base value. */
    static String score(TransparentModel model, String indent) {
        StringBuilder b = new StringBuilder("(");
        List<FeatureProfile> features = model.profile();
        for (int j = 0; j < features.size(); j++) {
            FeatureProfile f = features.get(j);
            b.append(j == 0 ? "" : "\n" + indent + " + ").append("-- feature ").append(comment(f.feature()))
                    .append("\n").append(indent).append("   ").append(feature(f));
        }
        return b.append("\n").append(indent).append(" + ").append(number(model.baseValue())).append(")").toString();
    }

    /** One feature's step function as a CASE over its leaves (the missing leaf last, also for unseen values). */
    static String feature(FeatureProfile f) {
        List<Leaf> leaves = f.leaves();
        String column = identifier(f.feature());
        String missing = number(leaves.get(leaves.size() - 1).score());
        StringBuilder b = new StringBuilder("CASE");
        if (f.numeric()) {
            b.append(" WHEN ").append(missingNumber(column)).append(" THEN ").append(missing);
            for (int i = 0; i < leaves.size() - 2; i++) {
                b.append(" WHEN ").append(column).append(" <= ").append(number(leaves.get(i).upper()))
                        .append(" THEN ").append(number(leaves.get(i).score()));
            }
            return b.append(" ELSE ").append(number(leaves.get(leaves.size() - 2).score())).append(" END").toString();
        }
        b.append(" CAST(").append(column).append(" AS VARCHAR)");
        for (int i = 0; i < leaves.size() - 1; i++) {
            b.append(" WHEN ").append(literal(leaves.get(i).category())).append(" THEN ")
                    .append(number(leaves.get(i).score()));
        }
        return b.append(" ELSE ").append(missing).append(" END").toString();
    }

    /** Probability (classifier: calibration map, or sigmoid when optimised) or clipped prediction (regressor). */
    static String outcome(TransparentModel model, String score, SqlDialect dialect) {
        if (model instanceof RegressorModel r) {
            double[] range = r.predictionRange();
            String s = score;
            if (range[0] != Double.NEGATIVE_INFINITY) {
                s = "GREATEST(" + number(range[0]) + ", " + s + ")";
            }
            if (range[1] != Double.POSITIVE_INFINITY) {
                s = "LEAST(" + number(range[1]) + ", " + s + ")";
            }
            return s;
        }
        ClassifierModel c = (ClassifierModel) model;
        if (c.optimised()) {
            return "1 / (1 + EXP(-" + score + "))";
        }
        double[] map = c.calibrationMap();
        List<String> items = new ArrayList<>();
        for (double p : map) {
            items.add(number(p));
        }
        // map[(int) (100 * score)] clamped to the map, as ClassifierModel.proba
        String index = "CAST(GREATEST(0, LEAST(" + (map.length - 1) + ", TRUNC(" + score + " * 100))) AS INTEGER) + 1";
        return dialect.element(items, index);
    }

    /** A derived date segment, each calendar value written by {@link Derivation#of} itself. */
    static String derived(Derivation d, String column) {
        boolean byDay = d == Derivation.WEEKDAY || d == Derivation.WEEKEND;
        // 2024-01-01 is a Monday: day k of that week has ISO weekday k
        IntFunction<LocalDate> date = byDay ? k -> LocalDate.of(2024, 1, k) : k -> LocalDate.of(2024, k, 1);
        StringBuilder b = new StringBuilder("CASE EXTRACT(" + (byDay ? "ISODOW" : "MONTH") + " FROM " + column + ")");
        for (int k = 1; k <= (byDay ? 7 : 12); k++) {
            b.append(" WHEN ").append(k).append(" THEN ").append(literal(d.of(date.apply(k))));
        }
        return b.append(" END").toString();
    }

    /** True when a numeric cell is missing: NULL, or NaN (which tablesaw and the engine read as missing). */
    static String missingNumber(String column) {
        return "(" + column + " IS NULL OR " + column + " = 'NaN'::FLOAT8)";
    }

    /** A double as a literal that reads back as the same double in DuckDB and PostgreSQL (not numeric). */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new PartitaException("The model holds the number " + v + ", which has no SQL literal.");
        }
        // text, not a decimal literal: both databases parse it to the nearest double, as Java wrote it
        return "'" + Double.toString(v) + "'::FLOAT8";
    }

    /** A string literal: quotes doubled, so no value can end it early. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * A table name, optionally qualified ({@code schema.table}, {@code catalog.schema.table}):
     * each part quoted, so a dot separates parts and nothing else in a name is read as SQL.
     */
    static String tableName(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length > 3 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new PartitaException("The table name '" + name + "' is not table, schema.table or"
                    + " catalog.schema.table. Write it as the database shows it, e.g. adult_test or public.adult_test.");
        }
        return String.join(".", java.util.Arrays.stream(parts).map(SqlScoring::identifier).toList());
    }

    /** A quoted identifier: double quotes doubled, so no name can end it early. */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Text safe in a line comment: no line breaks. */
    static String comment(String text) {
        return text.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]", " ");
    }
}
