package app.rota.kernel.coverage;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

public record FindCoverageRequestQuery(GroupId groupId, CoverageRequestId requestId) implements GroupScoped {
}
