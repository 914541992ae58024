package partita.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A golden fixture of the reference implementation (src/test/resources/fixtures). */
record Fixture(JsonNode json) {

    static Fixture load(String name) {
        try (InputStream in = Fixture.class.getResourceAsStream("/fixtures/" + name)) {
            return new Fixture(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode set(String paramSet) {
        return json.get(paramSet);
    }

    List<String> features(String paramSet) {
        List<String> out = new ArrayList<>();
        set(paramSet).get("columns").forEach(c -> out.add(c.asText()));
        return out;
    }

    /**
     * The training rows as a table: numeric_columns as IntColumn when every value is whole
     * (as pandas' int64) else DoubleColumn, categorical columns and a text target as StringColumn.
     */
    Table table(String paramSet, String target) {
        return table(json.get("data"), paramSet, target);
    }

    /** As {@link #table(String, String)} for the given rows (objects keyed by column name, null = missing). */
    Table table(JsonNode rows, String paramSet, String target) {
        Set<String> numeric = new HashSet<>();
        set(paramSet).get("numeric_columns").forEach(c -> numeric.add(c.asText()));
        List<String> names = new ArrayList<>();
        rows.get(0).fieldNames().forEachRemaining(names::add);
        Table t = Table.create("fixture");
        for (String name : names) {
            t.addColumns(column(name, rows, numeric.contains(name) || name.equals(target) && rows.get(0).get(name).isNumber()));
        }
        return t;
    }

    private static Column<?> column(String name, JsonNode rows, boolean numeric) {
        if (!numeric) {
            StringColumn c = StringColumn.create(name);
            rows.forEach(r -> {
                if (r.get(name).isNull()) {
                    c.appendMissing();
                } else {
                    c.append(r.get(name).asText());
                }
            });
            return c;
        }
        boolean whole = true;
        for (JsonNode r : rows) {
            whole &= r.get(name).isIntegralNumber();
        }
        if (whole) {
            IntColumn c = IntColumn.create(name);
            rows.forEach(r -> c.append(r.get(name).asInt()));
            return c;
        }
        DoubleColumn c = DoubleColumn.create(name);
        rows.forEach(r -> c.append(r.get(name).isNull() ? Double.NaN : r.get(name).asDouble()));
        return c;
    }

    /** A fixture number: null -> NaN, "inf"/"-inf" -> infinities. */
    static double num(JsonNode v) {
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(v.asText());
            };
        }
        return v.asDouble();
    }

    static double[] nums(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = num(array.get(i));
        }
        return out;
    }

    Params params(String paramSet) {
        Params.Builder b = Params.builder();
        set(paramSet).get("params").fields().forEachRemaining(e -> b.set(e.getKey(), e.getValue().asText()));
        return b.build();
    }
}
