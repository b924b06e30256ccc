package app.rota.command.slot;

import app.rota.command.web.Commands;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.AssignSlotCommand;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotState;
import app.rota.kernel.schedule.UnassignSlotCommand;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/groups/{groupId}/slots/{shiftTypeId}/{date}/assignee")
@Tag(name = "Assignments")
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN')")
class SlotCommandController {

    record AssignRequest(UUID memberId, String reason, Long expectedVersion) {
    }

    private final Commands commands;

    SlotCommandController(Commands commands) {
        this.commands = commands;
    }

    @PutMapping
    SlotState assign(@PathVariable UUID groupId, @PathVariable UUID shiftTypeId, @PathVariable LocalDate date,
                     @RequestBody AssignRequest request) {
        return commands.create(new AssignSlotCommand(new SlotKey(new ShiftTypeId(shiftTypeId), date), new GroupId(groupId),
                request.memberId() == null ? null : new MemberId(request.memberId()), request.reason(),
                request.expectedVersion()));
    }

    @DeleteMapping
    SlotState unassign(@PathVariable UUID groupId, @PathVariable UUID shiftTypeId, @PathVariable LocalDate date,
                       @RequestParam(required = false) String reason,
                       @RequestParam(required = false) Long expectedVersion) {
        return commands.create(new UnassignSlotCommand(new SlotKey(new ShiftTypeId(shiftTypeId), date),
                new GroupId(groupId), reason, expectedVersion));
    }
}
