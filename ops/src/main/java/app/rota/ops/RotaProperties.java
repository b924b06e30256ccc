package app.rota.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Rota's own settings ({@code rota.*}); see the configuration table in the README.
 *
 * @param dataDir       where the embedded PostgreSQL and the generated JWT key live
 * @param jwtSecret     HS256 signing secret (at least 32 bytes); empty: generated once into dataDir
 * @param tokenLifetime how long a login token is valid
 * @param admin         the super admin created on first start
 * @param publicBaseUrl the URL clients and Twilio reach this service at
 */
@ConfigurationProperties("rota")
public record RotaProperties(Path dataDir, String jwtSecret, Duration tokenLifetime, Admin admin, String publicBaseUrl) {

    public RotaProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(12) : tokenLifetime;
        admin = admin == null ? new Admin("admin", null) : admin;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080" : publicBaseUrl;
    }

    /** First-start super admin; an empty password means "generate one and print it once". */
    public record Admin(String username, String password) {
    }
}
