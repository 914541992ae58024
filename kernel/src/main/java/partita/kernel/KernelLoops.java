package partita.kernel;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.channels.AbstractChannel;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.ControlChannel;
import org.rapaio.jupyter.kernel.channels.HeartbeatChannel;
import org.rapaio.jupyter.kernel.channels.IOPubChannel;
import org.rapaio.jupyter.kernel.channels.ShellChannel;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.java.JavaEngine;
import org.rapaio.jupyter.kernel.core.java.RapaioExecutionControl;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ControlInterruptReply;
import org.rapaio.jupyter.kernel.message.messages.ControlShutdownReply;
import org.rapaio.jupyter.kernel.message.messages.ControlShutdownRequest;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.org.zeromq.ZMQ;
import partita.magics.Cancellation;
import partita.magics.RapaioInternals;

/**
 * Our own start sequence and message loops over rapaio's channel objects (sockets, message
 * codec, handlers are rapaio's). It replaces {@code Channels.connect}, whose two races hang
 * startup: {@code LoopThread.start} sets its running flag after the thread has started (a loop
 * that reads it first exits at once, leaving a channel deaf) and the handler map is assigned
 * after the loops start (an early kernel_info_request hits a null map and kills the loop).
 * Here every handler exists before a socket is read, loops run until shutdown, and no
 * Throwable ends a loop. Interrupt and shutdown are answered on the control socket without
 * touching the message id and after-actions that the busy shell thread owns (rapaio's control
 * handler overwrote them, so the interrupted cell never got its reply), and an interrupt
 * cancels the running JShell task without shutting JShell's executor down (rapaio did, so
 * every later Java cell returned nothing).
 */
final class KernelLoops {

    private static final Logger LOG = Logger.getLogger("partita.kernel");
    private static final long POLL_MILLIS = 100;

    private final RapaioKernel kernel;
    private final Channels channels;
    private final ShellChannel shell;
    private final ControlChannel control;
    private final HeartbeatChannel heartbeat;
    private final Map<MessageType<?>, Consumer<Message<?>>> shellHandlers = new HashMap<>();
    private final RapaioExecutionControl execution;
    private final List<Thread> threads = new ArrayList<>();
    private Thread controlThread;
    private volatile boolean running = true;

    private KernelLoops(ConnectionProperties props, RapaioKernel kernel) throws Exception {
        this.kernel = kernel;
        this.channels = new Channels(props);
        this.shell = RapaioInternals.SHELL.read(channels);
        this.control = RapaioInternals.CONTROL.read(channels);
        this.heartbeat = RapaioInternals.HEARTBEAT.read(channels);
        JavaEngine engine = kernel.javaEngine();
        this.execution = RapaioInternals.CONTROL_PROVIDER.read(engine)
                .getRegisteredControl(RapaioInternals.EXECUTION_ID.read(engine));

        ExecuteHandler execute = new ExecuteHandler(kernel, channels);
        on(MessageType.SHELL_EXECUTE_REQUEST, execute::handle);
        on(MessageType.SHELL_INSPECT_REQUEST, kernel::handleInspectRequest);
        on(MessageType.SHELL_COMPLETE_REQUEST, kernel::handleCompleteRequest);
        on(MessageType.SHELL_IS_COMPLETE_REQUEST, kernel::handleIsCompleteRequest);
        on(MessageType.SHELL_KERNEL_INFO_REQUEST, kernel::handleKernelInfoRequest);
        on(MessageType.SHELL_HISTORY_REQUEST, kernel::handleHistoryRequest);
        on(MessageType.SHELL_COMM_INFO_REQUEST, kernel::handleCommInfoRequest);
        on(MessageType.CUSTOM_COMM_OPEN, kernel::handleCommOpenCommand);
        on(MessageType.CUSTOM_COMM_MSG, kernel::handleCommMsgCommand);
        on(MessageType.CUSTOM_COMM_CLOSE, kernel::handleCommCloseCommand);
        kernel.registerChannels(channels);

        IOPubChannel iopub = RapaioInternals.IOPUB.read(channels);
        iopub.bind(props);
        RapaioInternals.STDIN.read(channels).bind(props);
        socket(shell).bind(props.formatAddress(props.shellPort()));
        socket(control).bind(props.formatAddress(props.controlPort()));
        socket(heartbeat).bind(props.formatAddress(props.hbPort()));
        iopub.sendMessage(new Message<>(MessageType.IOPUB_STATUS, IOPubStatus.STARTING));
    }

    /** Binds the sockets and starts the loops; returns once the kernel can answer. */
    static KernelLoops start(ConnectionProperties props, RapaioKernel kernel) throws Exception {
        KernelLoops loops = new KernelLoops(props, kernel);
        loops.spawn("partita-shell", loops.shell, loops::onShell);
        loops.controlThread = loops.spawn("partita-control", loops.control, loops::onControl);
        loops.spawn("partita-heartbeat", loops.heartbeat, null);
        return loops;
    }

    /**
     * Blocks until a shutdown request ends the control loop, gives the other loops a moment
     * (a cell that ignores the interrupt must not keep the process alive), closes the sockets.
     */
    void awaitShutdown() throws InterruptedException {
        controlThread.join();
        for (Thread thread : threads) {
            thread.join(3000);
        }
        for (AbstractChannel channel : List.of(shell, control, heartbeat)) {
            socket(channel).setLinger(200);
        }
        Thread closer = new Thread(channels::close, "partita-close");
        closer.setDaemon(true);
        closer.start();
        closer.join(2000);
    }

    @SuppressWarnings("unchecked")
    private <T> void on(MessageType<T> type, Consumer<Message<T>> handler) {
        shellHandlers.put(type, m -> handler.accept((Message<T>) m));
    }

    private Thread spawn(String name, AbstractChannel channel, Consumer<Message<?>> dispatch) {
        Thread thread = new Thread(() -> loop(channel, dispatch), name);
        threads.add(thread);
        thread.start();
        return thread;
    }

    /** Polls one socket until shutdown; {@code dispatch} null means heartbeat (echo). */
    private void loop(AbstractChannel channel, Consumer<Message<?>> dispatch) {
        ZMQ.Socket socket = socket(channel);
        ZMQ.PollItem[] items = {new ZMQ.PollItem(socket, ZMQ.Poller.POLLIN)};
        try (Selector selector = Selector.open()) {
            while (running) {
                if (ZMQ.poll(selector, items, POLL_MILLIS) <= 0 || !items[0].isReadable()) {
                    continue;
                }
                try {
                    if (dispatch == null) {
                        byte[] ping = socket.recv();
                        if (ping != null) {
                            socket.send(ping);
                        }
                    } else {
                        dispatch.accept(channel.readMessage());
                    }
                } catch (Throwable t) {
                    LOG.log(Level.SEVERE, Thread.currentThread().getName() + " failed on a message", t);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot poll " + Thread.currentThread().getName(), e);
            running = false;
        }
    }

    private void onShell(Message<?> message) {
        Consumer<Message<?>> handler = shellHandlers.get(message.header().type());
        if (handler == null) {
            LOG.fine(() -> "ignored shell message " + message.header().type().name());
            return;
        }
        channels.setMsgId(message.getId());
        try {
            handler.accept(message);
        } finally {
            channels.runAfterActions();
        }
    }

    private void onControl(Message<?> message) {
        MessageType<?> type = message.header().type();
        if (type == MessageType.CONTROL_INTERRUPT_REQUEST) {
            Cancellation.cancel();
            execution.interrupt();
            control.sendMessage(new Message<>(message.getId(), MessageType.CONTROL_INTERRUPT_REPLY,
                    new ControlInterruptReply()));
        } else if (type == MessageType.CONTROL_SHUTDOWN_REQUEST) {
            boolean restart = ((ControlShutdownRequest) message.content()).restart();
            Cancellation.cancel();
            execution.interrupt();
            control.sendMessage(new Message<>(message.getId(), MessageType.CONTROL_SHUTDOWN_REPLY,
                    restart ? ControlShutdownReply.SHUTDOWN_AND_RESTART : ControlShutdownReply.SHUTDOWN));
            kernel.onShutdown();
            running = false;
        } else {
            LOG.fine(() -> "ignored control message " + type.name());
        }
    }

    private static ZMQ.Socket socket(AbstractChannel channel) {
        return RapaioInternals.SOCKET.read(channel);
    }
}
