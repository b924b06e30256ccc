package app.rota.query.group;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.FindGroupQuery;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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

    @GetMapping("/{groupId}")
    GroupResponse group(@PathVariable UUID groupId) {
        return queries.query(new FindGroupQuery(new GroupId(groupId)), ResponseTypes.optionalInstanceOf(GroupResponse.class))
                .join()
                .orElseThrow(() -> new RotaException(ErrorCode.GROUP_NOT_FOUND, "No group with id " + groupId + "."));
    }
}
