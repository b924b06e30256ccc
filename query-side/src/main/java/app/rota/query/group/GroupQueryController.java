package app.rota.query.group;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.FindGroupQuery;
import app.rota.kernel.group.FindGroupsQuery;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupResponse;
import app.rota.kernel.group.GroupsResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/groups")
@Tag(name = "Groups")
class GroupQueryController {

    private final QueryGateway queries;

    GroupQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * The caller's groups ({@code {groups: [...]}} as API.md has it), paged like every list that can grow: a super
     * admin's page of every group by name, a member's login its one group.
     */
    @GetMapping
    GroupsResponse groups(@RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "" + FindGroupsQuery.DEFAULT_SIZE) int size) {
        return queries.query(new FindGroupsQuery(page, size), ResponseTypes.instanceOf(GroupsResponse.class)).join();
    }

    @GetMapping("/{groupId}")
    GroupResponse group(@PathVariable UUID groupId) {
        return queries.query(new FindGroupQuery(new GroupId(groupId)), ResponseTypes.optionalInstanceOf(GroupResponse.class))
                .join()
                .orElseThrow(() -> new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group with id " + groupId + "."));
    }
}
