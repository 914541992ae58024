package partita.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Charts in a real Jupyter Notebook server (Debian's jupyter-notebook) opened in headless
 * Chromium: a notebook executed on the kernel carries no plotly.js; opened from the server, and
 * opened again (a reload), its charts draw with the plotly.js the server serves from the
 * kernelspec directory; opened untrusted, they keep their static SVG and nothing errs.
 */
class LiveNotebookIT {

    private static final String MARKER = "bundled by Partita: loaded once per page";
    /** Debian's notebook 6 page asks for the ipywidgets nbextension, which no package here installs. */
    private static final String NOTEBOOK_OWN_ERROR = "nbextensions/widgets/notebook/js/extension.js";

    @Test
    void chartsDrawAfterAReloadFromPlotlyServedByTheKernelspec() throws Exception {
        ExecutedNotebook executed = ExecutedNotebook.execute("charts-live");
        Path file = Jupyter.WORK.resolve("charts-live.executed.ipynb");
        String text = Files.readString(file);
        assertFalse(text.contains(MARKER), "an executed notebook must not carry plotly.js");
        assertTrue(Files.size(file) < 1_000_000, "executed notebook of " + Files.size(file) + " bytes");
        assertEquals(2, text.split("class=\\\\\"partita-chart\\\\\"", -1).length - 1, "two charts in the notebook");
        assertFalse(executed.console.contains("Traceback"), executed.console);

        Path dir = Jupyter.WORK.resolve("live");
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.copy(file, dir.resolve("trusted.ipynb"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // trust is by content: an edited copy (as if someone else wrote it) is not trusted
        Files.writeString(dir.resolve("untrusted.ipynb"), text.replace("# Charts in a live Jupyter page",
                "# Charts in a notebook from elsewhere"));
        Map<String, String> env = Map.of("JUPYTER_PATH", Jupyter.install().toString(), "JUPYTER_DATA_DIR",
                data.toString(), "JUPYTER_CONFIG_DIR", dir.resolve("config").toString(), "JUPYTER_RUNTIME_DIR",
                dir.resolve("runtime").toString());
        Jupyter.Run trust = Jupyter.run(List.of(Jupyter.python(), "-m", "nbformat.sign", "trusted.ipynb"), dir, env, null, 60);
        assertEquals(0, trust.exitCode(), trust.stdout() + trust.stderr());

        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String token = UUID.randomUUID().toString().replace("-", "");
        String base = "http://127.0.0.1:" + port + "/";
        Path log = dir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Jupyter.python(), "-m", "notebook", "--no-browser", "--allow-root",
                "--ip=127.0.0.1", "--port=" + port, "--port-retries=0", "--NotebookApp.token=" + token,
                "--notebook-dir=" + dir).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process server = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            awaitServer(http, base + "api/status?token=" + token, server, log);
            HttpResponse<byte[]> plotly = http.send(HttpRequest.newBuilder(URI.create(
                    base + "kernelspecs/partita/plotly.min.js?token=" + token)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, plotly.statusCode(), "the server serves plotly.js from the kernelspec");
            assertTrue(plotly.body().length > 3_000_000, "plotly.min.js of " + plotly.body().length + " bytes");

            String trusted = base + "notebooks/trusted.ipynb?token=" + token;
            Jupyter.Run drawn = Jupyter.run(List.of(Jupyter.python(), Jupyter.MODULE.getParent().resolve(
                    "notebooks/tools/check_html.py").toString(), "--ignore-error", NOTEBOOK_OWN_ERROR, "--min-charts", "2", "--timeout", "90", "--out",
                    dir.resolve("shots").toString(), trusted, trusted), dir, Map.of(), null, 400);
            assertEquals(0, drawn.exitCode(), drawn.stdout() + drawn.stderr());
            assertTrue(drawn.stdout().contains("check_html: 2 passed, 0 failed")
                    && drawn.stdout().contains("2/2 charts drawn, plotly.js 2."), drawn.stdout());

            Jupyter.Run untrusted = Jupyter.run(List.of(Jupyter.python(), Jupyter.MODULE.getParent().resolve(
                    "notebooks/tools/check_html.py").toString(), "--ignore-error", NOTEBOOK_OWN_ERROR, "--expect-static", "--min-charts", "2", "--timeout", "60",
                    "--out", dir.resolve("shots").toString(), base + "notebooks/untrusted.ipynb?token=" + token), dir,
                    Map.of(), null, 300);
            assertEquals(0, untrusted.exitCode(), untrusted.stdout() + untrusted.stderr());
            assertTrue(untrusted.stdout().contains("2/2 charts static, plotly.js None"), untrusted.stdout());
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
    }

    private static void awaitServer(HttpClient http, String status, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("the Jupyter Notebook server ended (exit " + server.exitValue() + "); is Debian's jupyter-notebook"
                        + " installed (kernel/test-deps.sh)?\n" + Files.readString(log));
            }
            try {
                var reply = http.send(HttpRequest.newBuilder(URI.create(status)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("the Jupyter Notebook server did not answer within 60 s:\n" + Files.readString(log));
    }
}
