package partita.model;

/**
 * Base-2 logarithm rounded correctly (to nearest), as the C library's log2 that the reference
 * uses: split gains of mirror-image candidates tie in exact arithmetic, so the last bit of
 * log2 decides between them. {@link #fast} is within a few ulps and decides everything else.
 */
final class Log2 {

    private static final double INV_LN2_HI = 1.4426950408889634;
    private static final double INV_LN2_LO = 2.0355273740931033e-17;
    private static final double SQRT2 = Math.sqrt(2);
    private static final double LN2 = Math.log(2);
    private static final int TERMS = 26;
    /** 1 / (2k + 1) as double-double (hi, lo) pairs. */
    private static final double[] INV_ODD = new double[2 * TERMS];

    static {
        for (int k = 0; k < TERMS; k++) {
            double d = 2 * k + 1;
            double hi = 1 / d;
            INV_ODD[2 * k] = hi;
            INV_ODD[2 * k + 1] = -Math.fma(hi, d, -1) / d; // remainder of 1 - hi * d, over d
        }
    }

    private Log2() {
    }

    static double fast(double x) {
        return Math.log(x) / LN2;
    }

    /** log2(x) for finite x &gt; 0, correctly rounded except in vanishingly rare cases. */
    static double exact(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            return fast(x);
        }
        int e = Math.getExponent(x);
        double m;
        if (e < Double.MIN_EXPONENT) { // subnormal: scale up first
            x *= 0x1p54;
            e = Math.getExponent(x) - 54;
            m = x / Math.scalb(1.0, Math.getExponent(x));
        } else {
            m = x / Math.scalb(1.0, e);
        }
        if (m > SQRT2) {
            m /= 2;
            e++;
        }
        if (m == 1) {
            return e;
        }
        // ln(m) = 2 atanh(s), s = (m - 1) / (m + 1), all in double-double
        double numHi = m - 1; // exact (Sterbenz)
        double denHi = m + 1;
        double denLo = (m - (denHi - 1)); // m + 1 rounded: recover the lost bits
        double sHi = numHi / denHi;
        // s = num / den: one Newton correction in double-double
        double r = Math.fma(-sHi, denHi, numHi) - sHi * denLo;
        double sLo = r / denHi;
        double[] s = {sHi, sLo};
        double[] s2 = mul(s, s);
        double[] t = {INV_ODD[2 * (TERMS - 1)], INV_ODD[2 * (TERMS - 1) + 1]};
        for (int k = TERMS - 2; k >= 0; k--) {
            t = add(mul(t, s2), new double[] {INV_ODD[2 * k], INV_ODD[2 * k + 1]});
        }
        double[] ln = mul(s, t);
        ln[0] *= 2;
        ln[1] *= 2;
        double[] log2m = mul(ln, new double[] {INV_LN2_HI, INV_LN2_LO});
        double[] total = add(new double[] {e, 0}, log2m);
        return total[0] + total[1];
    }

    private static double[] add(double[] a, double[] b) {
        double s = a[0] + b[0];
        double bb = s - a[0];
        double err = (a[0] - (s - bb)) + (b[0] - bb);
        err += a[1] + b[1];
        double hi = s + err;
        return new double[] {hi, err - (hi - s)};
    }

    private static double[] mul(double[] a, double[] b) {
        double p = a[0] * b[0];
        double err = Math.fma(a[0], b[0], -p) + (a[0] * b[1] + a[1] * b[0]);
        double hi = p + err;
        return new double[] {hi, err - (hi - p)};
    }
}
