package partita.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The SQL on DuckDB, embedded (an in-memory database per check). */
class DuckDbScoringTest extends SqlScoringCase {

    @Override
    SqlDialect dialect() {
        return SqlDialect.DUCKDB;
    }

    @Override
    Connection connection() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }
}
