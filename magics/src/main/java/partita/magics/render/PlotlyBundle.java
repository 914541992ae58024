package partita.magics.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * plotly.js, bundled into the jar at build time (npm package plotly.js-dist-min, see
 * magics/pom.xml), delivered at most once per page.
 *
 * <p>A bundle stands for one page that receives outputs in order: a kernel session (the
 * notebook page it writes to) or one standalone html file. The first chart rendered with a
 * bundle carries the library in a {@code <script>} defining {@code window.Plotly}; every
 * chart's own script waits until {@code window.Plotly} exists and its div is attached, then
 * draws. So a notebook executed top to bottom, and its nbconvert html export, hold one copy,
 * and cells re-run in a live page reuse the copy the page already evaluated. Re-running the
 * very cell that carried the copy leaves the saved file without one until the next kernel
 * session (its charts keep their static rendition); a restarted kernel sends one more copy,
 * which a page that already has plotly does not evaluate again.
 */
public final class PlotlyBundle {

    private static final String RESOURCE = "plotly.min.js";
    private static final PlotlyBundle SESSION = new PlotlyBundle(randomTag());

    private final String tag;
    private final AtomicBoolean delivered = new AtomicBoolean();
    private final AtomicInteger charts = new AtomicInteger();

    private PlotlyBundle(String tag) {
        if (!tag.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("page tag must be 1-16 lowercase letters or digits, got '" + tag + "'");
        }
        this.tag = tag;
    }

    /** The bundle of this JVM, i.e. of the kernel session and the notebook page it feeds. */
    public static PlotlyBundle session() {
        return SESSION;
    }

    /**
     * A bundle for a new page, e.g. one html file. The tag makes chart element ids unique on
     * the page (ids are {@code partita_<tag>_<n>}); a random tag per kernel session keeps
     * them unique across restarts on the same notebook page.
     */
    public static PlotlyBundle newPage(String tag) {
        return new PlotlyBundle(tag);
    }

    /** The plotly.js version bundled, e.g. {@code 2.35.3}. */
    public static String version() {
        Matcher m = Pattern.compile("plotly\\.js v(\\d+\\.\\d+\\.\\d+)").matcher(
                Library.SOURCE.substring(0, Math.min(200, Library.SOURCE.length())));
        if (!m.find()) {
            throw new IllegalStateException("bundled plotly.min.js has no version header");
        }
        return m.group(1);
    }

    /** True once a chart rendered with this bundle has carried the library. */
    public boolean delivered() {
        return delivered.get();
    }

    /** The next chart element id on this page: {@code partita_<tag>_<n>}, a valid JS identifier. */
    String nextId() {
        return "partita_" + tag + "_" + charts.incrementAndGet();
    }

    /** The library {@code <script>} for the first caller, the empty string for everyone after. */
    String claimLibrary() {
        return delivered.compareAndSet(false, true) ? Library.SCRIPT : "";
    }

    /** Loaded on first use only: 4.5 MB that a kernel without charts never reads. */
    private static final class Library {
        static final String SOURCE = load();

        /**
         * {@code define}, {@code module} and {@code exports} are shadowed so that the UMD
         * wrapper sets {@code window.Plotly} even where require.js is on the page (classic
         * notebook), instead of registering an anonymous AMD module. MathJaxConfig 'local'
         * stops plotly from reconfiguring the notebook's MathJax.
         */
        static final String SCRIPT = "<script>/* plotly.js v" + version() + " (MIT license), bundled by Partita: "
                + "loaded once per page */\n"
                + "window.PlotlyConfig = window.PlotlyConfig || {MathJaxConfig: 'local'};\n"
                + "if (!window.Plotly) { (function (define, module, exports) {\n"
                + SOURCE
                + "\n}).call(window); }\n</script>\n";

        private static String load() {
            try (InputStream in = PlotlyBundle.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("plotly.min.js is missing from the classpath (partita/magics/render/"
                            + RESOURCE + "): build the magics module with Maven, which bundles it from npm");
                }
                String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String lower = source.toLowerCase(Locale.ROOT);
                if (lower.contains("</script") || lower.contains("<!--")) {
                    throw new IllegalStateException("bundled plotly.min.js cannot be inlined in a <script> element");
                }
                return source;
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the bundled plotly.min.js: " + e.getMessage(), e);
            }
        }
    }

    private static String randomTag() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
