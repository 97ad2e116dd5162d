import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts the rapaio Jupyter kernel (3.0.1) without its start-up race. {@code Channels.connect} binds the sockets
 * and starts the shell thread before it fills its handler map, so a {@code kernel_info_request} that Jupyter queued
 * while the JVM was starting can arrive in between: the shell thread dies on a NullPointerException and the kernel
 * never answers ("Kernel didn't respond"). On a busy machine that hit one start in three or four.
 *
 * <p>This does what {@code MainApp.runKernel} does, but first puts a stand-in map into {@code Channels.handlers}
 * whose lookups wait until {@code connect} has installed the real map. If the kernel's internals ever change, it
 * falls back to {@code MainApp.main}, race and all (run-all.sh still retries).
 */
public final class VouchKernelLauncher {
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: VouchKernelLauncher CONNECTION_FILE");
        }
        Field handlers;
        Field kernelField;
        try {
            handlers = Channels.class.getDeclaredField("handlers");
            handlers.setAccessible(true);
            kernelField = MainApp.class.getDeclaredField("kernel");
            kernelField.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("vouch kernel launcher: unexpected kernel internals (" + e + "); starting it as is");
            MainApp.main(args);
            return;
        }
        LogManager.getLogManager().readConfiguration(MainApp.class.getClassLoader().getResourceAsStream("logging.properties"));
        // The kernel's logging.properties enables FINEST on every java.util.logging logger. Spark bridges JUL to
        // SLF4J, so Janino's FINEST messages get formatted, and formatting one of them throws inside Spark's code
        // generation ("String index out of range: 0"), failing the query. INFO is what a plain JVM has.
        Logger.getLogger("").setLevel(Level.INFO);
        ConnectionProperties props = Transform.fromJson(Files.readString(Path.of(args[0])), ConnectionProperties.class);
        Channels channels = new Channels(props);
        handlers.set(channels, new AwaitedHandlers(channels, handlers));
        RapaioKernel kernel = (RapaioKernel) kernelField.get(null);
        channels.connect(kernel);
        channels.joinUntilClose();
    }

    /** Stands in for the handler map until {@code connect} replaces it; lookups wait for the real one. */
    private static final class AwaitedHandlers extends AbstractMap<Object, Object> {
        private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(120);
        private final Channels channels;
        private final Field field;

        AwaitedHandlers(Channels channels, Field field) {
            this.channels = channels;
            this.field = field;
        }

        @Override
        public Object get(Object key) {
            long deadline = System.nanoTime() + MAX_WAIT_NANOS;
            try {
                Object real;
                while ((real = field.get(channels)) == this) {
                    if (System.nanoTime() > deadline) {
                        return null;
                    }
                    Thread.sleep(5);
                }
                // connect() assigns the map first and fills it after: give it a moment to hold this key.
                long filled = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                Object handler;
                while ((handler = ((Map<?, ?>) real).get(key)) == null && System.nanoTime() < filled) {
                    Thread.sleep(5);
                }
                return handler;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return Set.of();
        }
    }
}
