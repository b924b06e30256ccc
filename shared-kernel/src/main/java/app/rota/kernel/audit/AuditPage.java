package app.rota.kernel.audit;

import java.util.List;

/** A page of the audit log, newest first; {@code total} counts every entry the filters match. */
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {
}
