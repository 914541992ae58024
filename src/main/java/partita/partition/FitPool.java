package partita.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import partita.PartitaException;
import partita.model.Kind;
import partita.model.TrainingData;
import partita.model.TransparentModel;
import partita.partition.segment.SegmentKey;
import tech.tablesaw.api.Table;

/**
 * The fits of a training job on a bounded thread pool: each segment's estimator fitted on its
 * row view of the prepared data, with progress after every fit and cancellation between fits.
 * Each fit is deterministic and independent, so the result never depends on the thread count.
 */
final class FitPool<M extends TransparentModel> {

    private final PartitionedTrainer<M> cfg;
    private final Kind kind;
    private final TrainingData data;
    private final Table table;
    private final double[] y;

    FitPool(PartitionedTrainer<M> cfg, TrainingData data, Table table, double[] y) {
        this.cfg = cfg;
        this.kind = cfg.kind();
        this.data = data;
        this.table = table;
        this.y = y;
    }

    /** A segment's training metric: the headline metric on its own training rows (targets {@code y}). */
    static double trainingMetric(Kind kind, TransparentModel m, Table table, double[] y, int[] rows) {
        return kind.headline().of(kind.predictions(m, table, rows, y));
    }

    /**
     * Fits the tasks on a bounded pool, biggest first; results go to their own index, so order
     * never matters. Optimised fits run level by level (__dataset__, then first-level segments,
     * ...), so each segment can be pulled toward its nearest trained ancestor (its prior).
     */
    void run(List<FitTask> tasks, Segment[] results, FitCounter counter) {
        boolean optimised = tasks.stream().anyMatch(t -> t.params().optimise());
        int deepest = tasks.stream().mapToInt(t -> t.key().depth()).max().orElse(0);
        Map<SegmentKey, TransparentModel> fitted = new HashMap<>();
        for (int depth = 0; depth <= deepest; depth++) {
            int d = depth;
            List<FitTask> level = optimised ? tasks.stream().filter(t -> t.key().depth() == d).toList() : tasks;
            runLevel(level, results, counter, fitted);
            for (FitTask t : level) {
                if (results[t.index()] != null && results[t.index()].trained()) {
                    fitted.put(t.key(), results[t.index()].model());
                }
            }
            if (!optimised) {
                break;
            }
        }
    }


    private void runLevel(List<FitTask> tasks, Segment[] results, FitCounter counter,
                          Map<SegmentKey, TransparentModel> fitted) {
        List<FitTask> queue = new ArrayList<>(tasks);
        queue.sort(Comparator.comparingInt((FitTask t) -> -t.rows().length).thenComparingInt(FitTask::index));
        int threads = Math.min(cfg.threads(), Math.max(1, queue.size()));
        AtomicInteger ids = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "partita-train-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        int next = 0;
        int inFlight = 0;
        boolean cancelled = cfg.cancelled();
        try {
            while (true) {
                while (!cancelled && inFlight < threads && next < queue.size()) {
                    FitTask task = queue.get(next++);
                    TransparentModel prior = task.key().isDataset() ? null : task.key().nearestAncestor(fitted);
                    done.submit(() -> {
                        results[task.index()] = fitOne(task, prior);
                        return task.index();
                    });
                    inFlight++;
                }
                if (inFlight == 0) {
                    break;
                }
                Future<Integer> f = done.take();
                inFlight--;
                int index = f.get();
                counter.done++;
                cfg.progress().accept(new TrainingProgress(counter.done, counter.total, results[index]));
                cancelled = cancelled || cfg.cancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingCancelledException(counter.done, counter.total);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (cancelled) {
            throw new TrainingCancelledException(counter.done, counter.total);
        }
    }

    /** Fits one segment; any exception makes it FAILED with the message as reason. */
    private Segment fitOne(FitTask t, TransparentModel prior) {
        long start = System.nanoTime();
        try {
            @SuppressWarnings("unchecked") // a prior is a fitted segment of this job: an M
            M m = cfg.estimator().withParams(t.params()).fit(data, t.rows(), t.features(), (M) prior);
            long ms = (System.nanoTime() - start) / 1_000_000;
            double metric = trainingMetric(kind, m, table, y, t.rows());
            return new Segment(t.key(), SegmentStatus.TRAINED, t.note(), t.rows().length, t.params(), t.features(), m, ms,
                    metric, null);
        } catch (RuntimeException e) {
            String reason = e instanceof PartitaException ? e.getMessage() : "internal error: " + e;
            return new Segment(t.key(), SegmentStatus.FAILED, reason, t.rows().length, t.params(), t.features(), null,
                    (System.nanoTime() - start) / 1_000_000, Double.NaN, null);
        }
    }
}
