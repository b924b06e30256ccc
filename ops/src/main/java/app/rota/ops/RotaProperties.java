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
 * @param roles         which parts of Rota this node runs
 * @param nodeId        this node's name among the nodes sharing the database (token claims, {@code rota_node});
 *                      default: the JVM's {@code pid@host}
 */
@ConfigurationProperties("rota")
public record RotaProperties(Path dataDir, String jwtSecret, Duration tokenLifetime, Admin admin, String publicBaseUrl,
                            Roles roles, String nodeId) {

    public RotaProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(12) : tokenLifetime;
        admin = admin == null ? new Admin("admin", null) : admin;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8080" : publicBaseUrl;
        roles = roles == null ? new Roles(null, null, null) : roles;
        nodeId = nodeId == null || nodeId.isBlank() ? java.lang.management.ManagementFactory.getRuntimeMXBean().getName() : nodeId;
    }

    /** First-start super admin; an empty password means "generate one and print it once". */
    public record Admin(String username, String password) {
    }

    /**
     * The parts a node runs, each on unless switched off ({@code rota.roles.command-side=false}…): the
     * modules' configurations are conditional on the same properties.
     */
    public record Roles(Boolean commandSide, Boolean querySide, Boolean notifier) {

        public Roles {
            commandSide = commandSide == null || commandSide;
            querySide = querySide == null || querySide;
            notifier = notifier == null || notifier;
        }

        @Override
        public String toString() {
            return java.util.stream.Stream.of(commandSide ? "command side" : null, querySide ? "query side" : null,
                    notifier ? "notifier" : null).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
    }
}
