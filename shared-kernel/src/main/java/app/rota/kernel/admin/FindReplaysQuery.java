package app.rota.kernel.admin;

/** The projection rebuilds this node runs or has run since it started (super admin). */
public record FindReplaysQuery() {
}
