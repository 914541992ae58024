package partita.magics.render;

/** Escaping and the scoped stylesheet shared by every Partita html output. */
public final class Html {

    /**
     * Every selector starts with {@code .partita-out} so that the rules outrank the notebook's
     * own table styling (JupyterLab centres and right-aligns tables) and touch nothing else.
     * Backgrounds are translucent to stay readable in dark themes.
     */
    static final String STYLE = """
            <style>
            .partita-out{margin:.3em 0}
            .partita-out table.partita-table{border-collapse:collapse;border:none;margin:.2em 0 .5em 0;\
            font-size:12.5px;table-layout:auto}
            .partita-out .partita-table caption{caption-side:top;text-align:left;font-weight:600;padding:0 0 .35em 0}
            .partita-out .partita-table th,.partita-out .partita-table td{padding:.2em .65em;text-align:left;\
            vertical-align:top;border:none;border-bottom:1px solid rgba(128,128,128,.25);white-space:nowrap}
            .partita-out .partita-table thead th{border-bottom:1.5px solid rgba(128,128,128,.6);font-weight:600}
            .partita-out .partita-table th.partita-num,.partita-out .partita-table td.partita-num{text-align:right;\
            font-variant-numeric:tabular-nums}
            .partita-out .partita-table td.partita-na{color:rgba(128,128,128,.85)}
            .partita-out .partita-table tr.partita-alert td,.partita-out .partita-table td.partita-alert{background:rgba(220,53,69,.18)}
            .partita-out .partita-table tr.partita-new td,.partita-out .partita-table td.partita-new{background:rgba(13,110,253,.16)}
            .partita-out .partita-table tr.partita-good td,.partita-out .partita-table td.partita-good{background:rgba(25,135,84,.16)}
            .partita-out .partita-table tr.partita-total td{font-weight:600;border-top:1.5px solid rgba(128,128,128,.6)}
            .partita-out .partita-table tr.partita-more td{color:rgba(128,128,128,.95);font-style:italic;text-align:left}
            .partita-out .partita-note{font-size:12px;color:rgba(128,128,128,.95);margin:.1em 0 .4em 0}
            .partita-out .partita-chart{max-width:100%;overflow-x:auto;margin:.3em 0}
            .partita-out pre.partita-code{max-height:32em;overflow:auto;font-size:12px;margin:.3em 0}
            .partita-out .partita-static img{max-width:100%;height:auto}
            .partita-out .partita-progress{display:flex;align-items:center;gap:.6em;font-size:12.5px}
            .partita-out .partita-progress progress{width:18em;height:1em}
            </style>
            """;

    private Html() {
    }

    /** Escapes text for html content and double- or single-quoted attribute values. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An html fragment wrapped in the scoped container with its stylesheet. */
    static String block(String inner) {
        return "<div class=\"partita-out\">\n" + STYLE + inner + "</div>\n";
    }
}
