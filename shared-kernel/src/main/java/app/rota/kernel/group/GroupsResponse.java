package app.rota.kernel.group;

import java.util.List;

/** API.md's {@code {groups: [...]}}, with the paging fields beside it. */
public record GroupsResponse(List<GroupSummary> groups, int page, int size, long total) {
}
