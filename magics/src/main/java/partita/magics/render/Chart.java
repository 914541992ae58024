package partita.magics.render;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Figure;

/**
 * A chart in its three renditions: a tablesaw-jsplot {@link Figure} drawn by plotly.js where
 * scripts run, a static SVG where they do not (the plotly script replaces it once it has
 * drawn), and an aligned text table of the same data. Built by {@link Charts}.
 *
 * <p>The static SVG travels as an {@code <img>} with a data URI, not inline: the html
 * sanitizers of an untrusted notebook (classic Jupyter's, JupyterLab's) and of notebook viewers
 * drop inline {@code <svg>} and leave its text as a run-on paragraph, but keep images.
 */
public final class Chart {

    /**
     * On a served page first asks the Jupyter server for plotly.js (once per page), then
     * waits for window.Plotly and for the chart's div to be attached to the document (classic
     * Jupyter runs output scripts before attaching the output; JupyterLab may render the cell
     * carrying plotly.js only when it scrolls into view), then draws: polls every 50 ms for
     * 10 s, then every second for up to 30 minutes. The figure script
     * that tablesaw writes calls {@code Plotly.newPlot}; here that name is a local shim which
     * adds the attributes tablesaw 0.44.4 cannot express (extra), draws into the plot div,
     * and removes the static rendition once plotly has drawn.
     */
    private static final String DRAW = """
            (function () {
              var id = '@ID@', me = document.currentScript, start = Date.now();
              var own = me && me.parentNode ? me.parentNode.querySelector('#' + id) : null;
            @LOAD@
              function merge(target, source) {
                Object.keys(source).forEach(function (k) {
                  var v = source[k];
                  if (v && typeof v === 'object' && !Array.isArray(v) && target[k] && typeof target[k] === 'object') {
                    merge(target[k], v);
                  } else {
                    target[k] = v;
                  }
                });
              }
              function draw(box) {
                if (box.getAttribute('data-partita-drawn')) { return; }
                box.setAttribute('data-partita-drawn', '1');
                var div = box.querySelector('.partita-plot'), extra = @EXTRA@;
                var Plotly = {newPlot: function (target, data, layout, config) {
                  (extra.traces || []).forEach(function (t, i) { merge(data[i], t); });
                  layout = layout || {};
                  merge(layout, extra.layout || {});
                  return window.Plotly.newPlot(div, data, layout, config).then(function () {
                    var still = box.querySelector('.partita-static');
                    if (still) { still.parentNode.removeChild(still); }
                  });
                }};
            @FIGURE@
              }
              (function wait() {
                var box = own && own.isConnected ? own : document.getElementById(id);
                var waited = Date.now() - start;
                if (box && box.isConnected && window.Plotly) { draw(box); }
                else if (waited < 1800000) { setTimeout(wait, waited < 10000 ? 50 : 1000); }
              })();
            })();
            """;

    private static final Pattern PLACEHOLDER = Pattern.compile("@(ID|EXTRA|FIGURE|LOAD)@");

    private final String title;
    private final Figure figure;
    private final String extraJson;
    private final String svg;
    private final String text;

    Chart(String title, Figure figure, String extraJson, String svg, String text) {
        this.title = title;
        this.figure = figure;
        this.extraJson = extraJson;
        this.svg = svg;
        this.text = text;
    }

    public String title() {
        return title;
    }

    /** The static rendition: a complete {@code <svg>} element. */
    public String svg() {
        return svg;
    }

    /** The text rendition: the chart's data as an aligned table under its title. */
    public String text() {
        return text;
    }

    /** Renders for the kernel session's page ({@link PlotlyBundle#session()}). */
    public Rendered render() {
        return render(PlotlyBundle.session());
    }

    /** Renders for a page; how the page gets plotly.js is the bundle's business. */
    public Rendered render(PlotlyBundle bundle) {
        String id = bundle.nextId();
        String html = bundle.claimLibrary()
                + "<div class=\"partita-chart\" id=\"" + id + "\">\n"
                + "<div class=\"partita-static\"><img alt=\"" + Html.escape(title) + "\" src=\"data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)) + "\"></div>\n"
                + "<div class=\"partita-plot\" id=\"" + id + "_plot\"></div>\n"
                + "</div>\n"
                + "<script>\n" + script(id, bundle) + "</script>\n";
        return new Rendered(text, Html.block(html));
    }

    /** The drawing script, safe inside a {@code <script>} element whatever the data holds. */
    private String script(String id, PlotlyBundle bundle) {
        String figureJs = figure.asJavascript(id + "_plot");
        int open = figureJs.indexOf("<script>");
        int close = figureJs.lastIndexOf("</script>");
        if (open < 0 || close < open) {
            throw new IllegalStateException("unexpected tablesaw figure script: no <script> element");
        }
        String body = figureJs.substring(open + "<script>".length(), close);
        Matcher m = PLACEHOLDER.matcher(DRAW);
        StringBuilder js = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "ID" -> id;
                case "EXTRA" -> extraJson;
                case "LOAD" -> bundle.loader();
                default -> body;
            };
            m.appendReplacement(js, Matcher.quoteReplacement(value));
        }
        m.appendTail(js);
        return inlineSafe(js.toString());
    }

    /**
     * Data strings reach the script as JSON string literals, where {@code <\/} means the same
     * as {@code </}: escaping every {@code </} and {@code <!--} keeps a label such as
     * {@code </script>} from ending the element early. No {@code </} occurs outside strings.
     */
    static String inlineSafe(String js) {
        return js.replace("</", "<\\/").replace("<!--", "<\\!--");
    }
}
