package partita.magics.render;

/**
 * A linear scale from data values to pixels with "nice" ticks (1, 2, 2.5 or 5 times a power
 * of ten), extended to include both ends of the data.
 */
record Scale(double min, double max, double step, double pixelFrom, double pixelTo) {

    /** A scale covering [lo, hi] (NaNs ignored by the caller) mapped onto [pixelFrom, pixelTo]. */
    static Scale of(double lo, double hi, double pixelFrom, double pixelTo) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = 0;
            hi = 1;
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi == lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / 5);
        double min = Math.floor(lo / step + 1e-9) * step;
        double max = Math.ceil(hi / step - 1e-9) * step;
        return new Scale(min, max, step, pixelFrom, pixelTo);
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    double px(double v) {
        return pixelFrom + (v - min) / (max - min) * (pixelTo - pixelFrom);
    }

    /** Tick values from min to max, rounded so that 0.1 + 0.2 prints as 0.3. */
    double[] ticks() {
        int n = (int) Math.round((max - min) / step);
        double[] ticks = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            ticks[i] = Numbers.round(min + i * step, 10);
        }
        return ticks;
    }

    static String label(double tick) {
        return Numbers.format(tick, 6);
    }
}
