package partita.sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import partita.partition.segment.KeyType;
import partita.partition.segment.Level;
import partita.partition.segment.SegmentKey;
import partita.partition.segment.ValueMapping;

/**
 * A model as one SQL query: {@code SELECT *, partita_segment, partita_score, partita_probability
 * (classifier) or partita_prediction (regressor) FROM table}. Each feature is one CASE that maps
 * a cell to its leaf score exactly as the engine does (docs/algorithm.md section 3): numeric
 * cells by the first leaf whose upper bound is &gt;= the value, categorical cells by their text,
 * and missing cells (NULL, empty text) and unseen categories to the missing leaf. Scores are
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
        List<String> values = new ArrayList<>();
        for (int l = 0; l < levels.size(); l++) {
            values.add(levelValue(levels.get(l), model.keyTypes().get(l)));
        }
        List<Served> served = new ArrayList<>();
        served.add(new Served(SegmentKey.DATASET_NAME, model.datasetModel()));
        StringBuilder route = new StringBuilder("CASE");
        model.segments().stream().filter(s -> s.trained() && !s.key().isDataset())
                .sorted((a, b) -> Integer.compare(b.key().depth(), a.key().depth())).forEach(s -> {
                    List<String> conditions = new ArrayList<>();
                    for (int l = 0; l < s.key().depth(); l++) {
                        Object v = s.key().value(l); // a segment of missing values is trained like any other
                        conditions.add(values.get(l) + (v == null ? " IS NULL" : " = " + literal(String.valueOf(v))));
                    }
                    route.append("\n      WHEN ").append(String.join("\n       AND ", conditions))
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
     * Three nested selects: the innermost routes each row to its segment, the middle one scores
     * it with the segment's model, the outer turns the score into a probability or prediction.
     */
    private static String query(String route, List<Served> served, String table, SqlDialect dialect) {
        String score = perSegment(served, s -> "-- model of segment " + comment(s.segment) + "\n      "
                + score(s.model, "      "));
        String outcome = perSegment(served, s -> outcome(s.model, identifier(SCORE), dialect));
        String name = served.get(0).model instanceof ClassifierModel ? PROBABILITY : PREDICTION;
        return "SELECT *,\n  " + outcome + " AS " + identifier(name)
                + "\nFROM (\n  SELECT *,\n    " + score + " AS " + identifier(SCORE)
                + "\n  FROM (\n    SELECT *,\n    " + route + " AS " + identifier(SEGMENT)
                + "\n    FROM " + identifier(table) + "\n  ) AS routed\n) AS scored";
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
            b.append(" WHEN ").append(column).append(" IS NULL THEN ").append(missing);
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

    /** A level's segment value of a row as text (NULL when missing), mapped into its groups. */
    static String levelValue(Level level, KeyType source) {
        String column = identifier(level.column());
        String value;
        if (level.derivation() != null) {
            if (source != KeyType.DATE) {
                throw new PartitaException("Cannot write the derived level " + level.name() + " in SQL: column '"
                        + level.column() + "' holds " + source.name().toLowerCase() + " values, and SQL derives "
                        + level.derivation().label() + " only from a date column. Store it as a DATE column.");
            }
            value = derived(level.derivation(), column);
        } else {
            switch (source) {
                case TEXT -> value = "NULLIF(" + column + ", '')";
                case BOOLEAN -> value = "CAST(" + column + " AS VARCHAR)";
                default -> throw new PartitaException("Cannot write level " + level.name() + " in SQL: its column holds "
                        + source.name().toLowerCase() + " values, and the SQL export routes by text, boolean or a"
                        + " derived date segment. Partition by a text copy of the column.");
            }
        }
        ValueMapping mapping = level.mapping();
        if (mapping == null) {
            return value;
        }
        if (source == KeyType.BOOLEAN) {
            throw new PartitaException("Cannot write the mapping of level " + level.name() + " in SQL: map text or"
                    + " derived values.");
        }
        StringBuilder b = new StringBuilder("CASE");
        for (Map.Entry<String, List<String>> g : mapping.groups().entrySet()) {
            b.append(" WHEN ").append(value).append(" IN (")
                    .append(String.join(", ", g.getValue().stream().map(SqlScoring::literal).toList()))
                    .append(") THEN ").append(literal(g.getKey()));
        }
        // a missing value stays missing; any other value goes to the catch-all, else keeps its own
        return b.append(" WHEN ").append(value).append(" IS NULL THEN NULL ELSE ")
                .append(mapping.catchAll() == null ? value : literal(mapping.catchAll())).append(" END").toString();
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

    /** A double as a literal that reads back as the same double in DuckDB and PostgreSQL (not numeric). */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new PartitaException("The model holds the number " + v + ", which has no SQL literal.");
        }
        return "CAST('" + Double.toString(v) + "' AS DOUBLE PRECISION)";
    }

    /** A string literal: quotes doubled, so no value can end it early. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
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
