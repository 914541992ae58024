package partita.magics.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting shared by tables, charts and their text renditions. */
public final class Numbers {

    /** Shown for NaN and missing values, in html and text alike. */
    public static final String MISSING = "–";

    /** Significant digits used when a caller does not choose. */
    public static final int DEFAULT_DIGITS = 4;

    private Numbers() {
    }

    /**
     * {@code x} with {@code digits} significant digits (but every integer digit) and no
     * trailing zeros; whole numbers print as integers, very small or very large magnitudes in
     * scientific notation.
     */
    public static String format(double x, int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be at least 1, got " + digits);
        }
        if (Double.isNaN(x)) {
            return MISSING;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "-∞";
        }
        double abs = Math.abs(x);
        if (abs == 0) {
            return "0";
        }
        if (abs < 1e-4 || abs >= 1e15) {
            String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", x);
            int e = s.indexOf('e');
            String mantissa = s.substring(0, e);
            if (mantissa.contains(".")) {
                mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return mantissa + s.substring(e);
        }
        // Never round away integer digits: 123456.7 at 4 digits reads 123457, not 123500.
        int integerDigits = (int) Math.floor(Math.log10(abs)) + 1;
        MathContext context = new MathContext(Math.max(digits, integerDigits), RoundingMode.HALF_UP);
        BigDecimal rounded = BigDecimal.valueOf(x).round(context);
        rounded = rounded.stripTrailingZeros();
        if (rounded.scale() < 0) {
            rounded = rounded.setScale(0, RoundingMode.UNNECESSARY);
        }
        String s = rounded.toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** {@code x} as an integer (rounded half up), or {@link #MISSING} for NaN. */
    public static String integer(double x) {
        if (Double.isNaN(x)) {
            return MISSING;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "-∞";
        }
        return Long.toString(Math.round(x));
    }

    /**
     * {@code x} rounded to {@code digits} significant digits as a double, to keep chart data
     * (and so the notebook file) small; non-finite values pass through.
     */
    static double round(double x, int digits) {
        if (!Double.isFinite(x) || x == 0) {
            return x;
        }
        return new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue();
    }

    static boolean isWhole(double x) {
        return Double.isFinite(x) && x == Math.rint(x) && Math.abs(x) < 1e15;
    }
}
