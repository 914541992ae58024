package partita.magics;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import partita.PartitaException;
import tech.tablesaw.api.Table;

/**
 * The notebook session seen from a magic: its variables (read from the kernel's JShell, which
 * runs in this JVM, so values are the live objects), tables given as a variable or a CSV path,
 * and binding results back under a name.
 */
public final class Notebook {

    /** Imported into every session at start so Java cells use Partita and tablesaw with no import. */
    public static final List<String> DEFAULT_IMPORTS = List.of("tech.tablesaw.api", "partita", "partita.model",
            "partita.partition", "partita.partition.segment", "partita.eval", "partita.io", "partita.data", "partita.workshop");

    /** A variable of the session: its name and declared (or inferred) type as JShell shows it. */
    public record Variable(String name, String typeName) {
    }

    private final RapaioKernel kernel;

    public Notebook(RapaioKernel kernel) {
        this.kernel = kernel;
    }

    /** The session's current variables in declaration order. */
    public List<Variable> variables() {
        JShell shell = kernel.javaEngine().getShell();
        return shell.variables().filter(v -> shell.status(v) == Snippet.Status.VALID)
                .map(v -> new Variable(v.name(), v.typeName())).toList();
    }

    public Optional<Variable> variable(String name) {
        return variables().stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** The live object held by a variable. */
    public Object value(String name) {
        if (variable(name).isEmpty()) {
            throw PartitaException.unknownName("notebook variable", name, variables().stream().map(Variable::name).toList());
        }
        return eval(name, "read variable " + name);
    }

    /**
     * The object held by the variable named by {@code key=}, which must be a {@code type}:
     * {@code model=m} holding a Table fails naming both types.
     */
    public <T> T value(String key, String name, Class<T> type) {
        if (variable(name).isEmpty()) {
            List<String> candidates = variables().stream().filter(v -> holds(v, type)).map(Variable::name).toList();
            throw PartitaException.unknownName("notebook variable", name, candidates.isEmpty()
                    ? variables().stream().map(Variable::name).toList() : candidates);
        }
        Object value = eval(name, "read variable " + name);
        if (!type.isInstance(value)) {
            throw new PartitaException(key + "=" + name + " holds " + describe(value) + ", not a "
                    + type.getSimpleName() + ". Give a variable holding a " + type.getSimpleName() + ".");
        }
        return type.cast(value);
    }

    /** {@code data=}: a variable holding a Table, or a CSV file (relative to the notebook). */
    public Table table(String key, String valueOrPath) {
        if (Names.isJavaName(valueOrPath) && variable(valueOrPath).isPresent()) {
            Object value = eval(valueOrPath, "read variable " + valueOrPath);
            if (value instanceof Table table) {
                return table;
            }
            throw new PartitaException(key + "=" + valueOrPath + " holds " + describe(value)
                    + ", not a Table. Give a variable holding a tablesaw Table, or a CSV path.");
        }
        Path file = path(valueOrPath);
        if (!Files.isRegularFile(file)) {
            if (Names.isJavaName(valueOrPath)) {
                List<String> tables = variables().stream().filter(v -> holds(v, Table.class)).map(Variable::name).toList();
                throw new PartitaException(PartitaException.unknownName("notebook variable", valueOrPath, tables).getMessage()
                        + " Give a variable holding a Table, or a CSV path.");
            }
            throw new PartitaException(key + "=" + valueOrPath + ": no such file " + file
                    + ". Give a CSV path relative to the notebook folder, or a variable holding a Table.");
        }
        try {
            return Table.read().csv(file.toFile());
        } catch (RuntimeException e) {
            throw new PartitaException("Cannot read " + key + "=" + valueOrPath + " as CSV: " + e.getMessage()
                    + ". Check that " + file + " is a comma-separated file with a header row.");
        }
    }

    /** Column names of a table given as a variable or CSV path; empty when it cannot be read (for completion). */
    public List<String> columnNames(String valueOrPath) {
        try {
            if (Names.isJavaName(valueOrPath) && variable(valueOrPath).isPresent()) {
                return eval(valueOrPath, "read " + valueOrPath) instanceof Table t ? t.columnNames() : List.of();
            }
            Path file = path(valueOrPath);
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String header = reader.readLine();
                return header == null ? List.of()
                        : Arrays.stream(header.split(",")).map(s -> s.strip().replaceAll("^\"|\"$", "")).toList();
            }
        } catch (RuntimeException | IOException e) {
            return List.of();
        }
    }

    /**
     * Declares {@code var name = (type) ...} in the session holding {@code value}: the next Java
     * cell uses it with its static type, no cast.
     */
    public void bind(String name, Object value, Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers()) || type.getCanonicalName() == null) {
            throw new IllegalArgumentException(type + " is not a public named type a cell can declare");
        }
        bind(name, value, type.getCanonicalName());
    }

    /** As {@link #bind(String, Object, Class)} with a source type, e.g. {@code java.util.List<String>}. */
    public void bind(String name, Object value, String javaType) {
        if (!Names.isJavaName(name)) {
            throw new PartitaException(name + " is not a name a Java cell can use: give a Java identifier.");
        }
        Bindings.put(name, value);
        eval("var " + name + " = (" + javaType + ") partita.magics.Bindings.get(\"" + name + "\");", "bind " + name);
    }

    /** A path as the user typed it, relative to the notebook's folder (the kernel's working directory). */
    public Path path(String typed) {
        return kernel.executionContext().getRootPath().resolve(typed).normalize();
    }

    /** Whether the variable's declared type looks like {@code type} (for completion; values are checked on use). */
    boolean holds(Variable variable, Class<?> type) {
        return resolve(variable.typeName()).map(type::isAssignableFrom).orElse(false);
    }

    private Optional<Class<?>> resolve(String typeName) {
        String raw = typeName.replaceAll("<.*", "").strip();
        Stream<String> candidates = raw.contains(".") ? Stream.of(raw)
                : Stream.concat(Stream.of("java.lang", "java.util"), DEFAULT_IMPORTS.stream()).map(p -> p + "." + raw);
        return candidates.map(Notebook::load).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, Notebook.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String type = value.getClass().getSimpleName();
        return ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    private Object eval(String code, String what) {
        try {
            return kernel.javaEngine().eval(kernel.executionContext(), code);
        } catch (Exception e) {
            throw new PartitaException("Could not " + what + " in the notebook session: " + e.getMessage());
        }
    }
}
