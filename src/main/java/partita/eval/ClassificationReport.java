package partita.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Classifier metrics on labelled rows. precision/recall/f1 are for the positive label at the
 * decision threshold; confusion is [[tn, fp], [fn, tp]] (row = actual, column = predicted).
 */
public record ClassificationReport(int rows, double auc, double accuracy, double logLoss, double brier,
                                   double precision, double recall, double f1, long[][] confusion) {

    /** snake_case metric name -> value, in declaration order (confusion as tn, fp, fn, tp). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("auc", auc);
        m.put("accuracy", accuracy);
        m.put("log_loss", logLoss);
        m.put("brier", brier);
        m.put("precision", precision);
        m.put("recall", recall);
        m.put("f1", f1);
        m.put("tn", confusion[0][0]);
        m.put("fp", confusion[0][1]);
        m.put("fn", confusion[1][0]);
        m.put("tp", confusion[1][1]);
        return m;
    }
}
