package partita.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import partita.PartitaException;

/**
 * The rows a model is fitted on: prepared data plus a row index view. Kept by a fitted model
 * while it lives in memory, so a refit can re-score the training rows (calibration, ridge).
 */
record TrainingView(TrainingData data, int[] rows) {

    static TrainingView of(TrainingData data, int[] rows, boolean classifier) {
        if (data.isClassification() != classifier) {
            throw new PartitaException("This training data was prepared for " + (classifier ? "regression" : "classification")
                    + " but is used to fit a " + (classifier ? "classifier" : "regressor") + ". Prepare it with TrainingData."
                    + (classifier ? "forClassification" : "forRegression") + ".");
        }
        int[] r = Columns.rowsOrAll(rows, data.rowCount());
        if (r.length == 0) {
            throw new PartitaException("No training rows: the row selection is empty. Select at least one row to fit on.");
        }
        TrainingView view = new TrainingView(data, r);
        if (classifier) {
            double mean = view.targetMean();
            if (mean == 0 || mean == 1) {
                throw new PartitaException("The training rows contain only the label '" + data.labels().get((int) mean)
                        + "' of target '" + data.target() + "'; a binary classifier needs rows of both labels "
                        + data.labels() + ". Select rows that contain both.");
            }
        }
        return view;
    }

    int n() {
        return rows.length;
    }

    double targetMean() {
        double[] y = data.y();
        double sum = 0;
        for (int r : rows) {
            sum += y[r];
        }
        return sum / rows.length;
    }

    /** The target of the view's rows, in view order. */
    double[] y() {
        double[] y = data.y();
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }

    /** The features to fit: the given subset of the data's features (null = all), validated. */
    List<String> features(List<String> features) {
        if (features == null) {
            return data.features();
        }
        if (features.isEmpty()) {
            throw new PartitaException("The feature list is empty. Pass at least one feature, or null for all of "
                    + data.features() + ".");
        }
        List<String> out = new ArrayList<>();
        for (String f : features) {
            data.column(f); // unknown name -> close matches
            if (out.contains(f)) {
                throw new PartitaException("Feature '" + f + "' is listed twice. List each feature once.");
            }
            out.add(f);
        }
        return List.copyOf(out);
    }

    /** Split statistics of every feature, computed in parallel (results independent of thread count). */
    SplitStats[] stats(List<String> features, double alpha) {
        SplitStats[] out = new SplitStats[features.size()];
        IntStream.range(0, out.length).parallel()
                .forEach(j -> out[j] = Splits.of(data.column(features.get(j)), data.y(), rows, alpha));
        return out;
    }

    /** Per feature, the leaf of every row of the view. */
    int[][] leaves(FeatureModel[] models) {
        int[][] out = new int[models.length][];
        IntStream.range(0, models.length).parallel().forEach(j -> {
            TrainingData.PreparedColumn column = data.column(models[j].name);
            int[] leafOfCode = models[j].leafOfCodes(column);
            int[] codes = column.codes();
            int missing = models[j].missingLeaf();
            int[] leaf = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                int c = codes[rows[i]];
                leaf[i] = c < 0 ? missing : leafOfCode[c];
            }
            out[j] = leaf;
        });
        return out;
    }
}
