package app.rota.query.audit;

import app.rota.query.replay.RebuildableProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** The audit log can be rebuilt while serving: these are all its tables. */
@Component
class AuditRebuild implements RebuildableProjection {

    @Override
    public String name() {
        return AuditProjection.PROCESSING_GROUP;
    }

    @Override
    public List<String> tables() {
        return List.of("audit_group", "audit_member", "audit_shift_type", "audit_swap", "audit_coverage", "audit_entry",
                "audit_entry_member");
    }

    @Override
    public Object handlersWritingTo(JdbcTemplate jdbc) {
        return new AuditProjection(new RebuildingAuditStore(jdbc));
    }
}
