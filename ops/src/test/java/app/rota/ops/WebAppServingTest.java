package app.rota.ops;

import app.rota.ops.support.Api;
import app.rota.ops.support.RotaIntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The web app is served by Rota itself: its files without a login, under a strict Content-Security-Policy. */
class WebAppServingTest extends RotaIntegrationTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAppOpensWithoutALoginUnderAPolicyThatAllowsNoInlineScriptOrStyle() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"app/main.js\"></script>");
        assertThat(INLINE_SCRIPT.matcher(page.body()).find()).as("no inline script").isFalse();
        assertThat(page.body()).doesNotContain("style=").doesNotContain("<style");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'");
        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void theAppsScriptsAndStylesAreServedWithoutALoginWhileTheApiStaysProtected() throws Exception {
        HttpResponse<String> script = get("/app/main.js");
        HttpResponse<String> styles = get("/app/app.css");
        Api.Response me = api.get("/api/v1/me", null);

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(get("/app/no-such-file.js").statusCode()).isEqualTo(404);
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/v1/groups").statusCode()).isEqualTo(401);
    }

    @Test
    void noFileOfTheAppSetsMarkupFromTextOrRunsTextAsCode() throws Exception {
        List<String> files = appScripts();

        assertThat(files).as("every module, read from the sources").contains("main.js", "dom.js", "views/calendar.js");
        for (String file : files) {
            HttpResponse<String> source = get("/app/" + file);
            assertThat(source.statusCode()).as(file).isEqualTo(200);
            assertThat(source.body()).as(file).doesNotContain(".innerHTML").doesNotContain(".outerHTML")
                    .doesNotContain("insertAdjacentHTML").doesNotContain("document.write").doesNotContain("eval(")
                    .doesNotContain("new Function").doesNotContainPattern("setAttribute\\(\\s*['\"`]on");
        }
    }

    /** Every script of the app, as paths under {@code /app/}: whatever is added later is checked too. */
    private static List<String> appScripts() throws IOException {
        Path app = Path.of("src", "main", "resources", "static", "app");
        try (Stream<Path> paths = Files.walk(app)) {
            return paths.filter(path -> path.toString().endsWith(".js"))
                    .map(path -> app.relativize(path).toString().replace(File.separatorChar, '/')).sorted().toList();
        }
    }
}
