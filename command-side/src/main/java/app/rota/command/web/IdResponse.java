package app.rota.command.web;

/** What creating anything answers, beside a {@code Location} header. */
public record IdResponse(String id) {
}
