package partita.magics;

import java.lang.reflect.Field;
import java.util.List;

import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.ControlChannel;
import org.rapaio.jupyter.kernel.channels.HeartbeatChannel;
import org.rapaio.jupyter.kernel.channels.IOPubChannel;
import org.rapaio.jupyter.kernel.channels.ShellChannel;
import org.rapaio.jupyter.kernel.channels.StdinChannel;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.java.JavaEngine;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControlProvider;
import org.rapaio.jupyter.kernel.core.java.io.JShellConsole;
import org.rapaio.jupyter.kernel.core.magic.MagicEngine;
import org.rapaio.org.zeromq.ZMQ;

/**
 * Every private field of rapaio-jupyter-kernel 3.0.1 that Partita reads, in one place: each has
 * no accessor, and each is needed by a workaround of a verified kernel trap (docs/design.md) or
 * by the magics' registration. {@link #check()} runs at kernel start, so a changed rapaio fails
 * there, loudly, naming the field, instead of in the middle of a session.
 */
public final class RapaioInternals {

    /** A private field: its declaring class, name and type. */
    public record Internal<T>(Class<?> declaring, String name, Class<T> type) {

        /** The field's value on {@code owner} (null for a static field). */
        public T read(Object owner) {
            try {
                return type.cast(field().get(owner));
            } catch (ReflectiveOperationException e) {
                throw changed(e);
            }
        }

        private Field field() throws NoSuchFieldException {
            Field f = declaring.getDeclaredField(name);
            if (!type.isAssignableFrom(f.getType())) {
                throw new NoSuchFieldException(name + " has type " + f.getType().getName() + ", not " + type.getName());
            }
            f.setAccessible(true);
            return f;
        }

        private IllegalStateException changed(Exception e) {
            return new IllegalStateException("rapaio-jupyter-kernel changed: " + declaring.getName() + "." + name
                    + " is not there as Partita expects (" + e.getMessage() + "); Partita needs rapaio-jupyter-kernel"
                    + " 3.0.1", e);
        }
    }

    /** MagicEngine's static handler list, which has no registration API. */
    @SuppressWarnings("rawtypes")
    public static final Internal<List> MAGIC_HANDLERS = new Internal<>(MagicEngine.class, "magicHandlers", List.class);
    public static final Internal<ShellChannel> SHELL = new Internal<>(Channels.class, "shell", ShellChannel.class);
    public static final Internal<ControlChannel> CONTROL = new Internal<>(Channels.class, "control", ControlChannel.class);
    public static final Internal<HeartbeatChannel> HEARTBEAT = new Internal<>(Channels.class, "heartbeat",
            HeartbeatChannel.class);
    public static final Internal<IOPubChannel> IOPUB = new Internal<>(Channels.class, "iopub", IOPubChannel.class);
    public static final Internal<StdinChannel> STDIN = new Internal<>(Channels.class, "stdin", StdinChannel.class);
    public static final Internal<ZMQ.Socket> SOCKET = new Internal<>(AbstractChannel.class, "socket", ZMQ.Socket.class);
    public static final Internal<RapaioExecutionControlProvider> CONTROL_PROVIDER = new Internal<>(JavaEngine.class,
            "controlProvider", RapaioExecutionControlProvider.class);
    public static final Internal<String> EXECUTION_ID = new Internal<>(JavaEngine.class, "executionId", String.class);
    public static final Internal<JShellConsole> SHELL_CONSOLE = new Internal<>(RapaioKernel.class, "shellConsole",
            JShellConsole.class);

    private static final List<Internal<?>> ALL = List.of(MAGIC_HANDLERS, SHELL, CONTROL, HEARTBEAT, IOPUB, STDIN, SOCKET,
            CONTROL_PROVIDER, EXECUTION_ID, SHELL_CONSOLE);

    private RapaioInternals() {
    }

    /** Every field is there with its type: called once at kernel start. */
    public static void check() {
        for (Internal<?> f : ALL) {
            try {
                f.field();
            } catch (ReflectiveOperationException e) {
                throw f.changed(e);
            }
        }
    }
}
