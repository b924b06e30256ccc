package app.rota.ops.startup;

import app.rota.notifier.TwilioProperties;
import app.rota.ops.RotaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up which database Rota uses and where its web app, API, docs and metrics are. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;
    private final RotaProperties properties;
    /** The notifier's Twilio settings; absent on a node that does not run the notifier. */
    private final ObjectProvider<TwilioProperties> twilio;

    StartupReport(Environment environment, RotaProperties properties, ObjectProvider<TwilioProperties> twilio) {
        this.environment = environment;
        this.properties = properties;
        this.twilio = twilio;
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
                  Web app:    {}/
                  API:        {}/api/v1   (log in: POST /api/v1/auth/login)
                  Swagger UI: {}/swagger-ui.html   OpenAPI: {}/v3/api-docs
                  Health:     {}/actuator/health   Metrics: {}/actuator/prometheus
                  SMS:        {}""",
                properties.roles(), database, base, base, base, base, base, base, sms());
        if (properties.roles().commandSide() && !properties.roles().notifier()) {
            log.warn("This node runs JobRunr's background server (command side) without the notifier: the notifier's "
                    + "recurring jobs (sms-dispatch, sms-reminders) registered by other nodes fail here. Run the notifier "
                    + "on every command-side node (README, 'Several nodes').");
        }
    }

    private String sms() {
        if (!properties.roles().notifier()) {
            return "off on this node (rota.roles.notifier=false)";
        }
        TwilioProperties twilio = this.twilio.getIfAvailable();
        return twilio != null && twilio.sends()
                ? "sent through Twilio at " + twilio.apiBaseUrl() + ", callbacks from "
                        + environment.getProperty("rota.public-base-url")
                : "LOG ONLY: no TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN/TWILIO_FROM_NUMBER, so SMS are logged and recorded as SENT, not sent";
    }

    private static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
