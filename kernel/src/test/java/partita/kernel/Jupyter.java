package partita.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Jupyter (Debian's packages) driving the built kernel: installs the kernelspec with
 * kernel/install.sh into target/it/jupyter and runs Jupyter tools with JUPYTER_PATH pointing there.
 */
final class Jupyter {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path WORK = MODULE.resolve("target/it");
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSTALL_HINT = "The kernel tests need a Jupyter client and headless chromium: run"
            + " kernel/test-deps.sh (Debian/Ubuntu: installs jupyter-nbconvert python3-nbclient jupyter-client"
            + " python3-ipykernel jupyter-notebook chromium libjs-requirejs libjs-mathjax; elsewhere it prints the pip steps), or run"
            + " only the unit tests with mvn test.";

    private static String python;
    private static Path jupyterPath;

    /** The output of a finished process. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    private Jupyter() {
    }

    /** A python3 that has jupyter_client, nbclient and nbconvert (Debian's first: a pyenv python may shadow it). */
    static synchronized String python() {
        if (python == null) {
            for (String candidate : List.of("/usr/bin/python3", "python3")) {
                if (candidate.startsWith("/") && !new File(candidate).canExecute()) {
                    continue;
                }
                try {
                    Run check = run(List.of(candidate, "-c", "import jupyter_client, nbclient, nbconvert"), null, 60, false);
                    if (check.exitCode() == 0) {
                        python = candidate;
                        return python;
                    }
                } catch (IOException e) {
                    // try the next candidate
                }
            }
            fail(INSTALL_HINT);
        }
        return python;
    }

    /** Installs the kernelspec from the built jar into target/it/jupyter (once); returns JUPYTER_PATH. */
    static synchronized Path install() throws IOException {
        if (jupyterPath == null) {
            python();
            Path prefix = WORK.resolve("jupyter");
            Run install = run(List.of(MODULE.resolve("install.sh").toString(), "--prefix", prefix.toString()), null, 300, false);
            if (install.exitCode() != 0 || !install.stdout().contains("Installed the Jupyter kernel 'partita'")) {
                fail("kernel/install.sh failed:\n" + install.stdout() + install.stderr());
            }
            jupyterPath = prefix.resolve("share/jupyter");
        }
        return jupyterPath;
    }

    /** Runs a command with JUPYTER_PATH set to the installed kernelspec. */
    static Run jupyter(List<String> command, String stdin, long timeoutSeconds) throws IOException {
        install();
        return run(command, stdin, timeoutSeconds, true);
    }

    /** Runs kernel_client.py (src/test/python) with the given arguments. */
    static Run client(String stdin, long timeoutSeconds, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(python(), MODULE.resolve("src/test/python/kernel_client.py").toString()));
        command.addAll(List.of(args));
        return jupyter(command, stdin, timeoutSeconds);
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private static Run run(List<String> command, String stdin, long timeoutSeconds, boolean withJupyterPath)
            throws IOException {
        return run(command, MODULE, withJupyterPath ? Map.of("JUPYTER_PATH", jupyterPath.toString()) : Map.of(), stdin,
                timeoutSeconds);
    }

    /** Runs a command in {@code dir} with extra environment variables; kills it after the timeout. */
    static Run run(List<String> command, Path dir, Map<String, String> env, String stdin, long timeoutSeconds)
            throws IOException {
        Files.createDirectories(WORK);
        String name = String.valueOf(System.nanoTime());
        Path out = WORK.resolve(name + ".out");
        Path err = WORK.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s: " + String.join(" ", command) + "\n" + Files.readString(err));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Run result = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
