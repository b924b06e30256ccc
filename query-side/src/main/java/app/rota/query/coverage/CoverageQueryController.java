package app.rota.query.coverage;

import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestPage;
import app.rota.kernel.coverage.CoverageRequestResponse;
import app.rota.kernel.coverage.CoverageStatus;
import app.rota.kernel.coverage.FindCoverageRequestQuery;
import app.rota.kernel.coverage.FindCoverageRequestsQuery;
import app.rota.kernel.group.GroupId;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Reads are answered from the coverage projection; any member, admin or auditor of the group may read. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}/coverage-requests")
@Tag(name = "Coverage requests")
class CoverageQueryController {

    private final QueryGateway queries;

    CoverageQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The group's coverage requests (open shifts included), newest first. */
    @GetMapping
    CoverageRequestPage requests(@PathVariable UUID groupId,
                                 @RequestParam(required = false) CoverageStatus status,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        return ask(new FindCoverageRequestsQuery(new GroupId(groupId), status, page, size), CoverageRequestPage.class);
    }

    @GetMapping("/{requestId}")
    CoverageRequestResponse request(@PathVariable UUID groupId, @PathVariable UUID requestId) {
        return ask(new FindCoverageRequestQuery(new GroupId(groupId), new CoverageRequestId(requestId)),
                CoverageRequestResponse.class);
    }

    private <R> R ask(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }
}
