package partita.spark;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * What a pass broadcasts to its tasks (models as file bytes), decoded once per executor JVM
 * rather than once per task: the tasks share the decoded value (fitted models are immutable).
 * The few most recent are kept, by a token of their own (broadcast ids restart with each
 * SparkContext).
 *
 * @param <P> what travels
 * @param <T> what the tasks use
 */
final class Shipped<P extends Serializable, T> implements Serializable {

    private static final int KEPT = 4;
    private static final Map<String, Object> DECODED = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > KEPT;
        }
    });

    private final Broadcast<P> broadcast;
    private final Function<P, T> decode;
    private final String token = UUID.randomUUID().toString();

    private Shipped(Broadcast<P> broadcast, Function<P, T> decode) {
        this.broadcast = broadcast;
        this.decode = decode;
    }

    static <P extends Serializable, T> Shipped<P, T> of(JavaSparkContext sc, P payload, Function<P, T> decode) {
        return new Shipped<>(sc.broadcast(payload), decode);
    }

    /** The decoded value, on an executor. */
    @SuppressWarnings("unchecked")
    T get() {
        return (T) DECODED.computeIfAbsent(token, t -> {
            try {
                return decode.call(broadcast.value());
            } catch (Exception e) {
                throw new IllegalStateException("could not decode what the driver broadcast", e);
            }
        });
    }

    /** Frees the broadcast once its pass is done. */
    void destroy() {
        broadcast.destroy();
        DECODED.remove(token);
    }
}
