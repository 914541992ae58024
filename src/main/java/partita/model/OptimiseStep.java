package partita.model;

import java.io.Serializable;

import partita.PartitaException;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The optimise step (docs/algorithm.md section 11) of a grown model whose training rows are
 * elsewhere, in a distributed table: {@link #fit} runs the engine's own solver, which asks a
 * {@link LeafSums.Rows} for the sums over the rows at every point it tries, and the rows' side
 * computes them with {@link #sums} over its part of the rows (merged by {@link LeafSums#merge}).
 * A segment pulled toward its prior (an optimised parent) first needs the prior's mean
 * contributions over its leaves: {@link #priorSums} per part, merged, then {@link #withTargets}.
 * The grown model is one grown with the reference method (its leaves; its scores are replaced).
 */
public final class OptimiseStep implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LeafOptimiser.Layout layout;
    private final boolean pulled;

    private OptimiseStep(LeafOptimiser.Layout layout, boolean pulled) {
        this.layout = layout;
        this.pulled = pulled;
    }

    /** The step for a grown model pulled toward {@code prior} (null for none). */
    public static OptimiseStep of(TransparentModel grown, TransparentModel prior) {
        FittedModel g = (FittedModel) grown;
        FittedModel.checkLeafCount(g.models);
        return new OptimiseStep(FittedModel.layout(g.models, loss(grown), null),
                FittedModel.pull((FittedModel) prior) != null);
    }

    private static LeafOptimiser.Loss loss(TransparentModel m) {
        return m instanceof ClassifierModel ? LeafOptimiser.Loss.LOGISTIC : LeafOptimiser.Loss.SQUARED;
    }

    /** Whether a prior pulls the scores, so its contributions are needed first ({@link #priorSums}). */
    public boolean pulled() {
        return pulled;
    }

    /**
     * Per feature of the grown model, the prior's contributions summed per leaf over some rows of
     * a table (null for a feature the prior lacks).
     */
    public PriorSums[] priorSums(TransparentModel grown, TransparentModel prior, Table data, int[] rows) {
        FittedModel g = (FittedModel) grown;
        FittedModel p = (FittedModel) prior;
        int[][] own = g.leaves(data, rows);
        PriorSums[] out = new PriorSums[g.models.length];
        for (int j = 0; j < out.length; j++) {
            int at = p.features.indexOf(g.models[j].name);
            if (at < 0) {
                continue;
            }
            FeatureModel pm = p.models[at];
            Column<?> column = data.column(pm.name);
            int[] leaf = new int[rows.length];
            pm.leaves(column, rows, 0, rows.length, leaf);
            double[] contribution = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                contribution[i] = pm.score(leaf[i]);
            }
            out[j] = PriorSums.of(g.models[j].leaves.size(), own[j], contribution);
        }
        return out;
    }

    /** The step pulling toward the targets of the merged prior sums. */
    public OptimiseStep withTargets(TransparentModel grown, PriorSums[] sums) {
        FittedModel g = (FittedModel) grown;
        double[][] targets = new double[sums.length][];
        for (int j = 0; j < sums.length; j++) {
            targets[j] = sums[j] == null ? null : sums[j].means();
        }
        return new OptimiseStep(FittedModel.layout(g.models, loss(grown), targets), pulled);
    }

    /** The unknowns {@link #fit} solves for at the start: a point of the right length, for checks. */
    public int unknowns() {
        return layout.size;
    }

    /** The sums over some rows of a table, {@code y} their targets (0/1 for a classifier) in order, at {@code theta}. */
    public LeafSums sums(TransparentModel grown, Table data, int[] rows, double[] y, double[] theta) {
        if (theta.length != layout.size) {
            throw new IllegalArgumentException("theta has " + theta.length + " values; the step has " + layout.size);
        }
        return layout.sums(((FittedModel) grown).leaves(data, rows), y, theta, true);
    }

    /**
     * The optimised model: the grown model's leaves, scored by the solver over {@code rows} with
     * {@code params} (optimise=true, its penalty), pulled toward {@code prior} (kept with the model,
     * as in-process training keeps it).
     */
    @SuppressWarnings("unchecked")
    public <M extends TransparentModel> M fit(M grown, Params params, M prior, LeafSums.Rows rows) {
        if (!params.optimise()) {
            throw new PartitaException("The optimise step fits with optimise=true; these parameters have optimise=false.");
        }
        FittedModel g = (FittedModel) grown;
        FeatureModel[] models = new FeatureModel[g.models.length];
        for (int j = 0; j < models.length; j++) {
            FeatureModel m = g.models[j];
            models[j] = new FeatureModel(m.name, params, m.stats, m.leaves);
        }
        FittedModel.Optimised o = FittedModel.scored(models, LeafOptimiser.fit(layout, rows, params.penalty()));
        return (M) (grown instanceof ClassifierModel c ? c.optimised(params, o, (FittedModel) prior)
                : ((RegressorModel) grown).optimised(params, o, (FittedModel) prior));
    }
}
