package partita.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import partita.PartitaException;
import partita.io.ModelJson;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads a JSON array of flat records (as in vega-datasets: {@code [{"Name": ..., "Year": ...}, ...]})
 * into a tablesaw Table, which tablesaw-core cannot do by itself.
 *
 * <p>Columns appear in order of first appearance; a record without a field, or with null,
 * gives a missing value. Column types follow the values: whole numbers within int range give
 * an int column (as tablesaw's CSV reader does), larger ones a long column, other numbers a
 * double column, true/false a boolean column, ISO dates ({@code 1970-01-01}) a date column,
 * ISO date-times a date-time column, anything else (or a mix) text.
 */
public final class JsonTables {

    private JsonTables() {
    }

    public static Table read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new PartitaException("JSON file " + path.toAbsolutePath() + " does not exist. Check the path "
                    + "(relative paths start at " + Path.of("").toAbsolutePath() + ").");
        } catch (IOException e) {
            throw new PartitaException("Could not read JSON file " + path.toAbsolutePath() + ": " + e.getMessage()
                    + ".");
        }
        return parse(text, path.getFileName().toString());
    }

    /** Parses JSON text holding an array of flat objects. */
    public static Table parse(String json, String tableName) {
        JsonNode root;
        try {
            root = ModelJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PartitaException("'" + tableName + "' is not valid JSON (" + e.getOriginalMessage()
                    + ", line " + e.getLocation().getLineNr() + "). Expected an array of records: [{\"a\": 1}, ...].");
        }
        if (root == null || !root.isArray()) {
            throw new PartitaException("'" + tableName + "' does not hold a JSON array of records. Expected "
                    + "[{\"a\": 1, \"b\": \"x\"}, ...].");
        }
        Map<String, JsonNode[]> fields = new LinkedHashMap<>();
        int n = root.size();
        for (int i = 0; i < n; i++) {
            JsonNode rec = root.get(i);
            if (!rec.isObject()) {
                throw new PartitaException("Element " + i + " of '" + tableName + "' is not a JSON object. Each "
                        + "element must be a flat record {\"column\": value, ...}.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = rec.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isContainerNode()) {
                    throw new PartitaException("Field '" + f.getKey() + "' of element " + i + " in '" + tableName
                            + "' is a nested " + (f.getValue().isArray() ? "array" : "object")
                            + "; only flat records can become a table. Flatten it first.");
                }
                fields.computeIfAbsent(f.getKey(), k -> new JsonNode[n])[i] = f.getValue();
            }
        }
        List<Column<?>> columns = new ArrayList<>();
        fields.forEach((name, values) -> columns.add(column(name, values)));
        return Table.create(tableName, columns);
    }

    private static Column<?> column(String name, JsonNode[] values) {
        boolean numbers = true;
        boolean ints = true;
        boolean longs = true;
        boolean booleans = true;
        boolean texts = true;
        for (JsonNode v : values) {
            if (v == null || v.isNull()) {
                continue;
            }
            numbers &= v.isNumber();
            ints &= v.isIntegralNumber() && v.canConvertToInt();
            longs &= v.isIntegralNumber() && v.canConvertToLong();
            booleans &= v.isBoolean();
            texts &= v.isTextual();
        }
        if (numbers && ints) {
            IntColumn c = IntColumn.create(name);
            forEach(values, c::appendMissing, v -> c.append(v.intValue()));
            return c;
        }
        if (numbers && longs) {
            LongColumn c = LongColumn.create(name);
            forEach(values, c::appendMissing, v -> c.append(v.longValue()));
            return c;
        }
        if (numbers) {
            DoubleColumn c = DoubleColumn.create(name);
            forEach(values, c::appendMissing, v -> c.append(v.doubleValue()));
            return c;
        }
        if (booleans) {
            BooleanColumn c = BooleanColumn.create(name);
            forEach(values, c::appendMissing, v -> c.append(v.booleanValue()));
            return c;
        }
        if (texts) {
            List<LocalDate> dates = parseAll(values, LocalDate::parse);
            if (dates != null) {
                return DateColumn.create(name, dates);
            }
            List<LocalDateTime> times = parseAll(values, LocalDateTime::parse);
            if (times != null) {
                return DateTimeColumn.create(name, times);
            }
        }
        StringColumn c = StringColumn.create(name);
        forEach(values, c::appendMissing, v -> c.append(v.asText()));
        return c;
    }

    private static void forEach(JsonNode[] values, Runnable missing, java.util.function.Consumer<JsonNode> present) {
        for (JsonNode v : values) {
            if (v == null || v.isNull()) {
                missing.run();
            } else {
                present.accept(v);
            }
        }
    }

    /** Every text value parsed (nulls kept), or null if some value does not parse. */
    private static <T> List<T> parseAll(JsonNode[] values, java.util.function.Function<String, T> parser) {
        List<T> out = new ArrayList<>(values.length);
        boolean any = false;
        for (JsonNode v : values) {
            if (v == null || v.isNull()) {
                out.add(null);
                continue;
            }
            try {
                out.add(parser.apply(v.asText()));
                any = true;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return any ? out : null;
    }
}
