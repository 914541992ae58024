package partita.sql;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The SQL on a real PostgreSQL server at {@code PARTITA_PG_URL} (tools/with-postgres.sh starts
 * one). Skipped, loudly, only when neither that URL nor {@code PARTITA_PG_REQUIRED=1} is set; an
 * unreachable server fails.
 */
class PostgresScoringTest extends SqlScoringCase {

    private static final String URL = System.getenv("PARTITA_PG_URL");

    @BeforeAll
    static void server() {
        if (URL == null || URL.isBlank()) {
            if ("1".equals(System.getenv("PARTITA_PG_REQUIRED"))) {
                fail("PARTITA_PG_REQUIRED=1 but PARTITA_PG_URL is not set: run the tests through tools/with-postgres.sh.");
            }
            String why = "SKIPPING the PostgreSQL checks of the SQL export: PARTITA_PG_URL is not set. Run"
                    + " tools/with-postgres.sh mvn -B -ntp verify to include them.";
            System.err.println("*** " + why);
            Assumptions.abort(why);
        }
        try (Connection c = DriverManager.getConnection(URL)) {
            c.isValid(5);
        } catch (SQLException e) {
            fail("PARTITA_PG_URL is set but the PostgreSQL server is unreachable (" + e.getMessage() + ").");
        }
    }

    @Override
    SqlDialect dialect() {
        return SqlDialect.POSTGRES;
    }

    @Override
    Connection connection() throws SQLException {
        return DriverManager.getConnection(URL);
    }
}
