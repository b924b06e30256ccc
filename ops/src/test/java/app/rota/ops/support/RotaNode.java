package app.rota.ops.support;

import app.rota.RotaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Rota node of its own (not the shared test context), started on a data directory that outlives it. */
public final class RotaNode {

    private RotaNode() {
    }

    /** The command-line arguments of a node on a random port with the given data directory and super admin, plus {@code more}. */
    public static String[] args(Path dataDir, String adminPassword, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--rota.data-dir=" + dataDir,
                "--rota.admin.username=admin",
                "--rota.admin.password=" + adminPassword));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    public static ConfigurableApplicationContext start(Path dataDir, String adminPassword, String... more) {
        return new SpringApplicationBuilder(RotaApplication.class).run(args(dataDir, adminPassword, more));
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
