package partita.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class Log2Test {

    @Test
    void correctlyRounded() {
        // cases where a last-bit difference exists between libm implementations; expected values
        // are the correctly rounded results (checked with 50-digit arithmetic)
        assertEquals(10.493672991624994, Log2.exact(1441.817641817642));
        assertEquals(3.7871281880928964, Log2.exact(13.80508808465132));
        assertEquals(-0.026819287214093577, Log2.exact(0.9815820096634827));
        assertEquals(-0.04537791751942849, Log2.exact(0.9690359423330747));
        assertEquals(5.678237486997302, Log2.exact(51.20587669520054));
        assertEquals(-0.014355292977070054, Log2.exact(3.0 / 303 * 100));
        for (int e = -1074; e <= 1023; e += 7) {
            assertEquals(e, Log2.exact(Math.scalb(1.0, e)));
        }
    }

    @Test
    void fastIsWithinAFewUlps() {
        Random r = new Random(3);
        for (int i = 0; i < 100_000; i++) {
            double x = (1 + r.nextInt(1_000_000)) / 1e4;
            double exact = Log2.exact(x);
            assertTrue(Math.abs(Log2.fast(x) - exact) <= 4 * Math.ulp(exact), x + "");
        }
    }
}
