package app.rota;

import app.rota.command.CommandSideConfiguration;
import app.rota.notifier.NotifierConfiguration;
import app.rota.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * Assembles one Rota node: ops (security, web, Axon and database wiring, administration) always, and
 * the command side, query side and notifier as each module's configuration, switched by
 * {@code rota.roles.*} (all on by default).
 */
@SpringBootApplication(scanBasePackages = "app.rota.ops")
@ConfigurationPropertiesScan("app.rota.ops")
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class, NotifierConfiguration.class})
public class RotaApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(RotaApplication.class, args);
    }
}
