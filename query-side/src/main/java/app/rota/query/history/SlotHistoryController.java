package app.rota.query.history;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.FindSlotHistoryQuery;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotHistoryResponse;
import app.rota.kernel.schedule.SlotKey;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/** A slot's recorded history; anyone who may read the group's calendar may read it. */
@RestController
@Tag(name = "Calendar")
class SlotHistoryController {

    private final QueryGateway queries;

    SlotHistoryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/groups/{groupId}/slots/{shiftTypeId}/{date}/history")
    SlotHistoryResponse history(@PathVariable UUID groupId, @PathVariable UUID shiftTypeId,
                                @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return queries.query(new FindSlotHistoryQuery(new GroupId(groupId), new SlotKey(new ShiftTypeId(shiftTypeId), date)),
                ResponseTypes.instanceOf(SlotHistoryResponse.class)).join();
    }
}
