package partita.sql;

import java.util.List;
import java.util.Locale;
import partita.PartitaException;

/** The SQL dialects a model can be written for; they differ only where noted. */
public enum SqlDialect {
    DUCKDB, POSTGRES;

    /** The 1-based element {@code index} of a literal list of doubles. */
    String element(List<String> items, String index) {
        String list = String.join(", ", items);
        return this == DUCKDB ? "[" + list + "][" + index + "]" : "(ARRAY[" + list + "])[" + index + "]";
    }

    /** Parses {@code duckdb} or {@code postgres} (case-insensitive); anything else names the valid ones. */
    public static SqlDialect parse(String text) {
        for (SqlDialect d : values()) {
            if (d.name().equalsIgnoreCase(text.strip())) {
                return d;
            }
        }
        throw PartitaException.unknownName("SQL dialect", text,
                List.of(DUCKDB.name().toLowerCase(Locale.ROOT), POSTGRES.name().toLowerCase(Locale.ROOT)));
    }
}
