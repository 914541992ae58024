package partita.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import partita.PartitaException;
import partita.eval.Predictions;
import partita.io.ModelFiles;
import partita.model.LeafSums;
import partita.model.OptimiseStep;
import partita.model.Params;
import partita.model.PriorSums;
import partita.model.TransparentModel;
import partita.partition.segment.SegmentKey;
import tech.tablesaw.api.Table;

/**
 * The optimise step on Spark for the segments of one level (their priors fitted already): the
 * engine's own solver runs on the driver, one thread per segment, and each point it tries becomes
 * a request; when every solver waits, one pass over the rows computes the sums of every request
 * ({@link OptimiseStep#sums}, merged in partition order), so a level costs one pass per Newton
 * step of its slowest segment, not one per segment (more when their Hessians together exceed
 * {@link #HESSIAN_MB}). A segment pulled toward its prior first gets
 * the prior's contributions over its leaves in one pass for the level. The sums merge in another
 * order than in process, so the scores agree with in-process training within the solver's
 * tolerance, not to the bit; every run gives the same model.
 */
final class SparkOptimise {

    /**
     * A segment to optimise: its grown model (the reference method's leaves), the final
     * parameters, its prior (null for none) and its rows with a target.
     */
    record Task<M extends TransparentModel>(SegmentKey key, M grown, Params params, M prior, long rows,
                                            double targetSum) {
    }

    private SparkOptimise() {
    }

    /** The optimised model of every task, all of one level. */
    static <M extends TransparentModel> Map<SegmentKey, M> fit(JavaSparkContext sc, SparkPasses passes,
                                                               List<Task<M>> tasks) {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        HashMap<SegmentKey, byte[]> bytes = new HashMap<>();
        tasks.forEach(t -> bytes.put(t.key(), ModelFiles.toBytes(t.grown())));
        Shipped<HashMap<SegmentKey, byte[]>, Map<SegmentKey, TransparentModel>> grown = Shipped.of(sc, bytes,
                SparkOptimise::decode);
        Map<SegmentKey, OptimiseStep> steps = new LinkedHashMap<>();
        Map<SegmentKey, TransparentModel> pulling = new HashMap<>();
        for (Task<M> t : tasks) {
            OptimiseStep step = OptimiseStep.of(t.grown(), t.prior());
            steps.put(t.key(), step);
            if (step.pulled()) {
                pulling.put(t.key(), t.prior());
            }
        }
        if (!pulling.isEmpty()) {
            Map<SegmentKey, PriorSums[]> sums = priorSums(sc, passes, grown, pulling);
            for (Task<M> t : tasks) {
                if (pulling.containsKey(t.key())) {
                    steps.put(t.key(), steps.get(t.key()).withTargets(t.grown(), sums.get(t.key())));
                }
            }
        }
        long budget = Long.parseLong(SparkSession.active().conf().get(HESSIAN_MB, "64")) << 17; // doubles
        Batch batch = new Batch(sc, passes, grown, steps, tasks.size(), budget);
        // one thread per solver: a pass runs when all of them wait, so none may queue behind another
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), r -> {
            Thread th = new Thread(r, "partita-optimise");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<M>> fitted = new ArrayList<>();
            for (Task<M> t : tasks) {
                fitted.add(pool.submit(() -> {
                    try {
                        return steps.get(t.key()).fit(t.grown(), t.params(), t.prior(), batch.rows(t));
                    } finally {
                        batch.done();
                    }
                }));
            }
            batch.serve();
            Map<SegmentKey, M> out = new LinkedHashMap<>();
            for (int i = 0; i < tasks.size(); i++) {
                out.put(tasks.get(i).key(), fitted.get(i).get());
            }
            return out;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartitaException("Training was interrupted while optimising on Spark.");
        } finally {
            pool.shutdownNow();
            grown.destroy();
        }
    }

    private static Map<SegmentKey, TransparentModel> decode(HashMap<SegmentKey, byte[]> bytes) {
        Map<SegmentKey, TransparentModel> out = new HashMap<>();
        bytes.forEach((k, b) -> out.put(k, ModelFiles.fromBytes(b, TransparentModel.class)));
        return out;
    }

    /** One pass: per pulled segment, the prior's contributions summed over its leaves. */
    private static Map<SegmentKey, PriorSums[]> priorSums(JavaSparkContext sc, SparkPasses passes,
            Shipped<HashMap<SegmentKey, byte[]>, Map<SegmentKey, TransparentModel>> grown,
            Map<SegmentKey, TransparentModel> priors) {
        HashMap<SegmentKey, byte[]> bytes = new HashMap<>();
        priors.forEach((k, m) -> bytes.put(k, ModelFiles.toBytes(m)));
        Shipped<HashMap<SegmentKey, byte[]>, Map<SegmentKey, TransparentModel>> shipped = Shipped.of(sc, bytes,
                SparkOptimise::decode);
        try {
            return passes.perSegment(priors.keySet(), (key, chunk, rows, y) -> {
                TransparentModel g = grown.get().get(key);
                return OptimiseStep.of(g, null).priorSums(g, shipped.get().get(key), chunk, rows);
            }, SparkOptimise::add);
        } finally {
            shipped.destroy();
        }
    }

    private static PriorSums[] add(PriorSums[] a, PriorSums[] b) {
        PriorSums[] out = new PriorSums[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = a[j] == null ? null : a[j].merge(b[j]);
        }
        return out;
    }

    /**
     * The Spark setting of the most megabytes of Hessians one pass sums per task (default 64): a
     * level of many wide segments then takes several passes per Newton step rather than a task's
     * whole heap. It changes no result (each segment's sums are its own).
     */
    static final String HESSIAN_MB = "spark.partita.optimise.hessianMB";

    /** The requests of the solvers of one level, served a pass at a time. */
    private static final class Batch {
        private final JavaSparkContext sc;
        private final SparkPasses passes;
        private final Shipped<HashMap<SegmentKey, byte[]>, Map<SegmentKey, TransparentModel>> grown;
        private final Map<SegmentKey, OptimiseStep> steps;
        private final Map<SegmentKey, double[]> asked = new HashMap<>();
        private final Map<SegmentKey, LeafSums> answered = new HashMap<>();
        private final long budget;
        private int running;
        private RuntimeException failed;

        Batch(JavaSparkContext sc, SparkPasses passes,
              Shipped<HashMap<SegmentKey, byte[]>, Map<SegmentKey, TransparentModel>> grown,
              Map<SegmentKey, OptimiseStep> steps, int running, long budget) {
            this.sc = sc;
            this.passes = passes;
            this.grown = grown;
            this.steps = steps;
            this.running = running;
            this.budget = budget;
        }

        LeafSums.Rows rows(Task<?> t) {
            return new LeafSums.Rows() {
                @Override
                public long count() {
                    return t.rows();
                }

                @Override
                public double targetSum() {
                    return t.targetSum();
                }

                @Override
                public LeafSums at(double[] theta, boolean derivatives) {
                    return ask(t.key(), theta);
                }
            };
        }

        private synchronized LeafSums ask(SegmentKey key, double[] theta) {
            asked.put(key, theta.clone());
            notifyAll();
            while (!answered.containsKey(key)) {
                if (failed != null) {
                    throw failed;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PartitaException("Training was interrupted while optimising on Spark.");
                }
            }
            return answered.remove(key);
        }

        synchronized void done() {
            running--;
            notifyAll();
        }

        /** On the driver's thread: a pass whenever every running solver waits for sums, until all are done. */
        void serve() throws InterruptedException {
            while (true) {
                HashMap<SegmentKey, double[]> points;
                synchronized (this) {
                    while (running > 0 && asked.size() < running) {
                        wait();
                    }
                    if (running == 0) {
                        return;
                    }
                    points = new HashMap<>(asked);
                    asked.clear();
                }
                Map<SegmentKey, LeafSums> sums = new HashMap<>();
                try {
                    for (HashMap<SegmentKey, double[]> some : within(points)) {
                        sums.putAll(pass(some));
                    }
                } catch (RuntimeException e) {
                    synchronized (this) {
                        failed = e;
                        notifyAll();
                    }
                    throw e;
                }
                synchronized (this) {
                    answered.putAll(sums);
                    notifyAll();
                }
            }
        }

        /**
         * The points in groups whose Hessians fit the budget (a task holds one per segment it
         * sums for), in the order of the segments: one pass per group.
         */
        private List<HashMap<SegmentKey, double[]>> within(HashMap<SegmentKey, double[]> points) {
            List<HashMap<SegmentKey, double[]>> out = new ArrayList<>();
            HashMap<SegmentKey, double[]> group = new HashMap<>();
            long cells = 0;
            for (SegmentKey key : steps.keySet()) {
                double[] theta = points.get(key);
                if (theta == null) {
                    continue;
                }
                long size = (long) theta.length * theta.length;
                if (!group.isEmpty() && cells + size > budget) {
                    out.add(group);
                    group = new HashMap<>();
                    cells = 0;
                }
                group.put(key, theta);
                cells += size;
            }
            out.add(group);
            return out;
        }

        private Map<SegmentKey, LeafSums> pass(HashMap<SegmentKey, double[]> points) {
            Shipped<HashMap<SegmentKey, double[]>, HashMap<SegmentKey, double[]>> at = Shipped.of(sc, points, p -> p);
            Map<SegmentKey, OptimiseStep> steps = this.steps;
            Shipped<HashMap<SegmentKey, byte[]>, Map<SegmentKey, TransparentModel>> grown = this.grown;
            try {
                return passes.perSegment(points.keySet(), (key, chunk, rows, y) -> steps.get(key)
                        .sums(grown.get().get(key), chunk, rows, y, at.get().get(key)), LeafSums::merge);
            } finally {
                at.destroy();
            }
        }
    }
}
