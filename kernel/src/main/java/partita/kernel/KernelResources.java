package partita.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import partita.magics.render.PlotlyBundle;

/**
 * The files kernel/install.sh places beside the kernel jar, written from the jar itself:
 * {@code java -cp partita-kernel.jar partita.kernel.KernelResources KERNELSPEC_DIR TEMPLATE_DIR}.
 * <ul>
 * <li>{@code KERNELSPEC_DIR/plotly.min.js}: the Jupyter server serves a kernelspec's files under
 * {@code kernelspecs/partita/}, where charts in a notebook page fetch the library (see
 * {@link PlotlyBundle}).</li>
 * <li>{@code TEMPLATE_DIR} (nbconvert's {@code templates/partita}): an html export template, the
 * lab template with plotly.js inlined once, so that {@code jupyter nbconvert --to html
 * --template partita} writes a page whose charts draw from disk, offline.</li>
 * </ul>
 * Each file is written to a temporary name and moved in place: a running server never serves
 * half a file.
 */
public final class KernelResources {

    private KernelResources() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java -cp partita-kernel.jar partita.kernel.KernelResources KERNELSPEC_DIR"
                    + " NBCONVERT_TEMPLATE_DIR");
            System.exit(2);
        }
        write(Path.of(args[0]));
        writeTemplate(Path.of(args[1]));
    }

    static void write(Path kernelspecDir) throws IOException {
        writeAtomically(kernelspecDir.resolve(PlotlyBundle.FILE), PlotlyBundle.source());
    }

    static void writeTemplate(Path dir) throws IOException {
        String library = PlotlyBundle.inlineLibrary();
        if (library.contains("endraw")) {
            throw new IllegalStateException("the bundled plotly.js cannot sit inside a Jinja raw block");
        }
        writeAtomically(dir.resolve("conf.json"), """
                {
                  "base_template": "lab",
                  "mimetypes": {"text/html": true}
                }
                """);
        writeAtomically(dir.resolve("index.html.j2"), """
                {#- Partita: the lab export with plotly.js inlined once, so charts draw offline from disk. -#}
                {%- extends 'lab/index.html.j2' -%}
                {%- block html_head_js -%}
                {{ super() }}
                {% include 'plotly.html.j2' %}
                {%- endblock html_head_js -%}
                """);
        writeAtomically(dir.resolve("plotly.html.j2"), "{% raw %}" + library + "{% endraw %}\n");
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
