package app.rota.ops.startup;

import app.rota.ops.RotaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up which database Rota uses and where its API, docs and metrics are. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;
    private final RotaProperties properties;

    StartupReport(Environment environment, RotaProperties properties) {
        this.environment = environment;
        this.properties = properties;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String url = environment.getProperty("spring.datasource.url", "");
        String database = url.isBlank()
                ? "embedded PostgreSQL in " + properties.dataDir().resolve("postgres").toAbsolutePath()
                : "PostgreSQL at " + withoutCredentials(url);
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : -1;
        String base = "http://localhost:" + port;
        log.info("""
                Rota is up.
                  Runs:       {}
                  Database:   {}
                  API:        {}/api/v1   (log in: POST /api/v1/auth/login)
                  Swagger UI: {}/swagger-ui.html   OpenAPI: {}/v3/api-docs
                  Health:     {}/actuator/health   Metrics: {}/actuator/prometheus""",
                properties.roles(), database, base, base, base, base, base);
    }

    private static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
