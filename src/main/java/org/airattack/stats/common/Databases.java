package org.airattack.stats.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which database a connection reaches: PostgreSQL in production and tests, H2 in dev mode. */
public final class Databases {

    private Databases() {
    }

    /** True when the connection is to PostgreSQL (the driver answers from what it knows, no round trip). */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
