package partita.magics.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void significantDigitsWithoutTrailingZeros() {
        assertEquals("0.1235", Numbers.format(0.123456, 4));
        assertEquals("1235", Numbers.format(1234.5678, 4));
        assertEquals("123457", Numbers.format(123456.7, 4));
        assertEquals("2", Numbers.format(2.0, 4));
        assertEquals("0.5", Numbers.format(0.5, 4));
        assertEquals("0.3", Numbers.format(0.1 + 0.2, 4));
        assertEquals("0.0001235", Numbers.format(0.000123456, 4));
        assertEquals("-0.85", Numbers.format(-0.8500001, 4));
    }

    @Test
    void extremesAndSpecialValues() {
        assertEquals("-1.23e-05", Numbers.format(-0.0000123456, 3));
        assertEquals("1e+20", Numbers.format(1e20, 3));
        assertEquals("0", Numbers.format(-0.0, 4));
        assertEquals("-1e-05", Numbers.format(-0.00001, 1));
        assertEquals(Numbers.MISSING, Numbers.format(Double.NaN, 4));
        assertEquals("∞", Numbers.format(Double.POSITIVE_INFINITY, 4));
        assertEquals("-∞", Numbers.format(Double.NEGATIVE_INFINITY, 4));
        assertThrows(IllegalArgumentException.class, () -> Numbers.format(1, 0));
    }

    @Test
    void integersAndRounding() {
        assertEquals("4", Numbers.integer(3.6));
        assertEquals("-3", Numbers.integer(-3.4));
        assertEquals(Numbers.MISSING, Numbers.integer(Double.NaN));
        assertEquals(0.333333, Numbers.round(1.0 / 3, 6));
        assertEquals(Double.POSITIVE_INFINITY, Numbers.round(Double.POSITIVE_INFINITY, 6));
    }
}
