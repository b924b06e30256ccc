package app.rota.ops.web;

import app.rota.kernel.error.ErrorCode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's own last word (a request it refused before any application code ran: an invalid path or
 * character, an over-long request line or header) as a problem detail with a code, instead of its
 * HTML error page. Installed on the host in place of {@link ErrorReportValve}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = ProblemErrorController.codeFor(status);
        String body = "{\"type\":\"urn:rota:problem:" + code.name() + "\",\"title\":\"" + code.title()
                + "\",\"status\":" + status + ",\"detail\":\"" + ProblemErrorController.detailFor(status)
                + "\",\"code\":\"" + code.name() + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone or the response was committed meanwhile: nothing more to say
        }
    }
}
