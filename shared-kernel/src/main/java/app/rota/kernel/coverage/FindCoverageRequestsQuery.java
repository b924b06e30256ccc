package app.rota.kernel.coverage;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

/** The group's coverage requests, newest first; {@code status} filters when given. */
public record FindCoverageRequestsQuery(GroupId groupId, CoverageStatus status, int page, int size) implements GroupScoped {
}
