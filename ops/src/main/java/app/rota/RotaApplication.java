package app.rota;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Assembles shared-kernel, command-side, query-side and notifier into one runnable service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RotaApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(RotaApplication.class, args);
    }
}
