package app.rota.kernel.coverage;

/** What a coverage command answers: the request's status after it, and its version (the number of its events). */
public record CoverageState(CoverageRequestId id, CoverageStatus status, long version) {
}
