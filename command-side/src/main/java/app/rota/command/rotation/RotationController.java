package app.rota.command.rotation;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
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
import java.util.function.Function;
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

    static final int MAX_MEMBERS = 500;
    static final int MAX_SHIFT_TYPES = 100;

    @PostMapping
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN')")
    RotationService.Result generate(@PathVariable UUID groupId, @RequestBody RotationRequest request) {
        return rotations.generate(new RotationService.Request(new GroupId(groupId), request.from(), request.to(),
                ids(request.memberIds(), "memberIds", MAX_MEMBERS, MemberId::new),
                ids(request.shiftTypeIds(), "shiftTypeIds", MAX_SHIFT_TYPES, ShiftTypeId::new)));
    }

    /** An optional list of ids: at most {@code max}, none of them null. */
    private static <T> List<T> ids(List<UUID> ids, String field, int max, Function<UUID, T> id) {
        if (ids == null) {
            return null;
        }
        if (ids.size() > max) {
            throw new RotaException(ErrorCode.LIST_TOO_LONG, field, "'" + field + "' has at most " + max + " ids.");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) {
                throw new RotaException(ErrorCode.FIELD_REQUIRED, field + "[" + i + "]", "An id in '" + field + "' is null.");
            }
        }
        return ids.stream().map(id).toList();
    }
}
