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
 * magics/pom.xml), and how a page gets it.
 *
 * <p>A bundle stands for one page that receives outputs in order. Every chart's own script
 * waits until {@code window.Plotly} exists and its div is attached, then draws; until then
 * the chart shows its static SVG. Two ways to bring the library:
 * <ul>
 * <li>{@link #session()}, the kernel's notebook page: outputs never carry the library (a saved
 * notebook stays small). Each chart's script asks the Jupyter server for it, once per page,
 * at {@code <base url>kernelspecs/partita/plotly.min.js}: kernel/install.sh places the file
 * in the kernelspec directory, which both Jupyter Notebook and JupyterLab serve. So charts
 * draw after a page reload and in a reopened (trusted) notebook, not only in the page that
 * saw the kernel session start. Off a Jupyter server (an html export opened from disk) the
 * script requests nothing and the static SVG stays, unless the page embeds the library,
 * as nbconvert's {@code --template partita} export does ({@link #inlineLibrary()}).</li>
 * <li>{@link #newPage(String)}, a standalone html file: the first chart carries the library
 * inline, the later ones reuse it.</li>
 * </ul>
 */
public final class PlotlyBundle {

    /** The library's file name, in the jar (next to this class) and in the kernelspec directory. */
    public static final String FILE = "plotly.min.js";
    /** The kernelspec name kernel/install.sh installs; the Jupyter server serves its directory. */
    public static final String KERNEL_NAME = "partita";
    private static final PlotlyBundle SESSION = new PlotlyBundle(randomTag(), true);

    /**
     * Loads plotly.js from the Jupyter server once per page (the promise on window marks it
     * asked). Evaluated with define/module/exports shadowed, as {@link Library#SCRIPT} is.
     * Only over http(s): an export opened from disk has no server to ask.
     */
    private static final String SERVED_LOADER = """
              if (!window.Plotly && !window.partitaPlotly && /^https?:$/.test(location.protocol)) {
                var base = '/', config = document.getElementById('jupyter-config-data');
                try {
                  if (config) { base = JSON.parse(config.textContent).baseUrl || base; }
                  else if (document.body && document.body.getAttribute('data-base-url')) { base = document.body.getAttribute('data-base-url'); }
                } catch (e) { base = '/'; }
                if (base.charAt(base.length - 1) !== '/') { base += '/'; }
                window.partitaPlotly = fetch(base + 'kernelspecs/@KERNEL@/@FILE@', {credentials: 'same-origin'})
                  .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.text(); })
                  .then(function (source) {
                    window.PlotlyConfig = window.PlotlyConfig || {MathJaxConfig: 'local'};
                    if (!window.Plotly) { new Function('define', 'module', 'exports', source).call(window); }
                  })
                  .catch(function (e) {
                    console.warn('Partita: the Jupyter server did not serve plotly.js (' + e.message
                      + '); charts stay static. Re-run kernel/install.sh.');
                  });
              }
            """.replace("@KERNEL@", KERNEL_NAME).replace("@FILE@", FILE);

    private final String tag;
    private final boolean served;
    private final AtomicBoolean delivered = new AtomicBoolean();
    private final AtomicInteger charts = new AtomicInteger();

    private PlotlyBundle(String tag, boolean served) {
        if (!tag.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("page tag must be 1-16 lowercase letters or digits, got '" + tag + "'");
        }
        this.tag = tag;
        this.served = served;
    }

    /**
     * The bundle of this JVM, i.e. of the kernel session and the notebook page it feeds: the
     * Jupyter server serves the library. A random tag keeps chart ids unique across kernel
     * restarts on the same page.
     */
    public static PlotlyBundle session() {
        return SESSION;
    }

    /** A bundle for a notebook page other than this session's (tests of what a session writes). */
    public static PlotlyBundle servedPage(String tag) {
        return new PlotlyBundle(tag, true);
    }

    /**
     * A bundle for a standalone html page whose first chart carries the library. The tag makes
     * chart element ids unique on the page (ids are {@code partita_<tag>_<n>}).
     */
    public static PlotlyBundle newPage(String tag) {
        return new PlotlyBundle(tag, false);
    }

    /** The library's source, as bundled (what kernel/install.sh puts in the kernelspec). */
    public static String source() {
        return Library.SOURCE;
    }

    /**
     * The library as one {@code <script>} element that sets {@code window.Plotly} once per page,
     * for pages that must work from disk (the nbconvert template).
     */
    public static String inlineLibrary() {
        return Library.SCRIPT;
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

    /** True once a chart rendered with this bundle has carried the library inline. */
    public boolean delivered() {
        return delivered.get();
    }

    /** True when the Jupyter server serves the library, so no output carries it. */
    public boolean served() {
        return served;
    }

    /** The next chart element id on this page: {@code partita_<tag>_<n>}, a valid JS identifier. */
    String nextId() {
        return "partita_" + tag + "_" + charts.incrementAndGet();
    }

    /**
     * The library {@code <script>} for the first caller of an inline page, the empty string for
     * everyone after and for a served page.
     */
    String claimLibrary() {
        return !served && delivered.compareAndSet(false, true) ? Library.SCRIPT : "";
    }

    /** The statements that fetch the library, run by each chart's script on a served page. */
    String loader() {
        return served ? SERVED_LOADER : "";
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
            try (InputStream in = PlotlyBundle.class.getResourceAsStream(FILE)) {
                if (in == null) {
                    throw new IllegalStateException("plotly.min.js is missing from the classpath (partita/magics/render/"
                            + FILE + "): build the magics module with Maven, which bundles it from npm");
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
