package app.rota.query.swap;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.swap.FindSwapQuery;
import app.rota.kernel.swap.FindSwapsQuery;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapPage;
import app.rota.kernel.swap.SwapResponse;
import app.rota.kernel.swap.SwapStatus;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Reads are answered from the swap projection; any member, admin or auditor of the group may read. */
@RestController
@RequestMapping("/api/v1/groups/{groupId}/swaps")
@Tag(name = "Swaps")
class SwapQueryController {

    private final QueryGateway queries;

    SwapQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    /** The group's swaps, newest first; {@code memberId} matches the proposer or the counterpart. */
    @GetMapping
    SwapPage swaps(@PathVariable UUID groupId,
                   @RequestParam(required = false) SwapStatus status,
                   @RequestParam(required = false) UUID memberId,
                   @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "50") int size) {
        return ask(new FindSwapsQuery(new GroupId(groupId), status, memberId == null ? null : new MemberId(memberId), page, size),
                SwapPage.class);
    }

    @GetMapping("/{swapId}")
    SwapResponse swap(@PathVariable UUID groupId, @PathVariable UUID swapId) {
        return ask(new FindSwapQuery(new GroupId(groupId), new SwapId(swapId)), SwapResponse.class);
    }

    private <R> R ask(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }
}
