package app.rota.command.shifttype;

import app.rota.command.web.Commands;
import app.rota.command.web.IdResponse;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.ChangeShiftTypeCommand;
import app.rota.kernel.schedule.DefineShiftTypeCommand;
import app.rota.kernel.schedule.RetireShiftTypeCommand;
import app.rota.kernel.schedule.ShiftTypeId;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/groups/{groupId}/shift-types")
@Tag(name = "Shift types")
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN')")
class ShiftTypeCommandController {

    record DefineShiftTypeRequest(String name, LocalTime startTime, Integer durationHours, Set<DayOfWeek> daysOfWeek) {
    }

    record ChangeShiftTypeRequest(String name, Set<DayOfWeek> daysOfWeek) {
    }

    private final Commands commands;
    private final IdGenerator ids;

    ShiftTypeCommandController(Commands commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @PostMapping
    ResponseEntity<IdResponse> define(@PathVariable UUID groupId, @RequestBody DefineShiftTypeRequest request) {
        ShiftTypeId id = new ShiftTypeId(ids.generateId());
        commands.create(new DefineShiftTypeCommand(id, new GroupId(groupId), request.name(), request.startTime(),
                request.durationHours(), request.daysOfWeek()));
        return IdResponse.created(id);
    }

    @PatchMapping("/{shiftTypeId}")
    ResponseEntity<Void> change(@PathVariable UUID groupId, @PathVariable UUID shiftTypeId,
                                @RequestBody ChangeShiftTypeRequest request) {
        commands.send(new ChangeShiftTypeCommand(new ShiftTypeId(shiftTypeId), new GroupId(groupId), request.name(),
                request.daysOfWeek()), ErrorCode.SHIFT_TYPE_NOT_FOUND, "No shift type " + shiftTypeId + " in this group.");
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{shiftTypeId}/retire")
    ResponseEntity<Void> retire(@PathVariable UUID groupId, @PathVariable UUID shiftTypeId) {
        commands.send(new RetireShiftTypeCommand(new ShiftTypeId(shiftTypeId), new GroupId(groupId)),
                ErrorCode.SHIFT_TYPE_NOT_FOUND, "No shift type " + shiftTypeId + " in this group.");
        return ResponseEntity.noContent().build();
    }
}
