package app.rota.command.schedule;

import app.rota.kernel.group.GroupId;
import app.rota.kernel.schedule.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/groups/{groupId}/rotations")
@Tag(name = "Assignments")
class RotationController {

    record RotationRequest(LocalDate from, LocalDate to, List<UUID> memberIds, List<UUID> shiftTypeIds) {
    }

    private final RotationService rotations;

    RotationController(RotationService rotations) {
        this.rotations = rotations;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN')")
    RotationService.Result generate(@PathVariable UUID groupId, @RequestBody RotationRequest request) {
        return rotations.generate(new RotationService.Request(new GroupId(groupId), request.from(), request.to(),
                request.memberIds() == null ? null : request.memberIds().stream().map(MemberId::new).toList(),
                request.shiftTypeIds() == null ? null : request.shiftTypeIds().stream().map(ShiftTypeId::new).toList()));
    }
}
