package partita.partition.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A segment derived from a date or date-time column. Values are text in calendar order
 * (that order is also the segment order). Seasons are the meteorological seasons of the
 * northern hemisphere: winter = Dec-Feb, spring = Mar-May, summer = Jun-Aug, autumn = Sep-Nov.
 */
public enum Derivation {
    SEASON("winter", "spring", "summer", "autumn"),
    MONTH("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    QUARTER("Q1", "Q2", "Q3", "Q4"),
    WEEKDAY("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    WEEKEND("workday", "weekend");

    private final List<String> categories;

    Derivation(String... categories) {
        this.categories = List.of(categories);
    }

    /** Every value this derivation can produce, in calendar order. */
    public List<String> categories() {
        return categories;
    }

    /** Lower-case name as used in {@code derive=season:date}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The segment value of a date. */
    public String of(LocalDate date) {
        int month = date.getMonthValue();
        int dow = date.getDayOfWeek().getValue();
        return switch (this) {
            case SEASON -> categories.get((month % 12) / 3);
            case MONTH -> categories.get(month - 1);
            case QUARTER -> categories.get((month - 1) / 3);
            case WEEKDAY -> categories.get(dow - 1);
            case WEEKEND -> categories.get(dow >= 6 ? 1 : 0);
        };
    }

    /** Position of a value in calendar order (-1 if not one of {@link #values()}). */
    int order(Object value) {
        return categories.indexOf(value);
    }

    /** Parses {@code season}, {@code Month}... (case-insensitive); unknown names list the valid ones. */
    public static Derivation parse(String text) {
        return Enums.parse(values(), text, "derived segment");
    }
}
