package partita.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/** Regressor metrics on labelled rows. */
public record RegressionReport(int rows, double mae, double rmse, double r2, double mape, double explainedVariance) {

    /** snake_case metric name -> value, in declaration order. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("mae", mae);
        m.put("rmse", rmse);
        m.put("r2", r2);
        m.put("mape", mape);
        m.put("explained_variance", explainedVariance);
        return m;
    }
}
