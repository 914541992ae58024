package partita.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import partita.data.DataSplit;
import partita.model.ClassifierModel;
import partita.model.XClassifier;
import partita.partition.Data;
import partita.partition.PartitionedModel;
import partita.partition.PartitionedTrainer;
import partita.partition.segment.PartitionSpec;

/**
 * The README's numbers: size of the SQL for adult by relationship and each database's time to
 * score the test rows (best of 5 runs). tools/sql-benchmark.sh runs it; arguments: JDBC URLs.
 */
public final class SqlBenchmark {

    public static void main(String[] args) throws Exception {
        DataSplit split = DataSplit.of(Data.adult(), 0.25, 42);
        PartitionedModel<ClassifierModel> m = PartitionedTrainer.of(new XClassifier(), PartitionSpec.by("relationship"))
                .threads(2).fit(split.train(), "income");
        for (String url : args.length == 0 ? List.of("jdbc:duckdb:") : List.of(args)) {
            SqlDialect dialect = url.startsWith("jdbc:duckdb") ? SqlDialect.DUCKDB : SqlDialect.POSTGRES;
            String sql = SqlScoring.query(m, "adult_test", dialect);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                SqlScoringCase.load(c, split.test(), "adult_test");
                long best = Long.MAX_VALUE;
                for (int run = 0; run < 5; run++) {
                    long t = System.nanoTime();
                    try (ResultSet rs = s.executeQuery(sql)) {
                        while (rs.next()) {
                            rs.getDouble(SqlScoring.PROBABILITY);
                        }
                    }
                    best = Math.min(best, System.nanoTime() - t);
                }
                s.execute("DROP TABLE adult_test");
                System.out.printf("%s: SQL %,d characters, %d lines; %,d rows scored in %.0f ms%n", dialect,
                        sql.length(), sql.lines().count(), split.test().rowCount(), best / 1e6);
            }
        }
    }
}
