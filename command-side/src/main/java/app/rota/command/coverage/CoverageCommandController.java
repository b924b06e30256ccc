package app.rota.command.coverage;

import app.rota.command.web.Commands;
import app.rota.command.web.IdResponse;
import app.rota.command.web.ReadYourWrite;
import app.rota.kernel.coverage.ApproveCoverageCommand;
import app.rota.kernel.coverage.CancelCoverageCommand;
import app.rota.kernel.coverage.ClaimCoverageCommand;
import app.rota.kernel.coverage.CoverageRequestId;
import app.rota.kernel.coverage.CoverageRequestResponse;
import app.rota.kernel.coverage.CoverageState;
import app.rota.kernel.coverage.FindCoverageRequestQuery;
import app.rota.kernel.coverage.RejectCoverageCommand;
import app.rota.kernel.coverage.RequestCoverageCommand;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Coverage requests and open shifts: members and admins ask, claim and cancel, admins approve and
 * reject; who may do which step is the request's own decision (the actor reaches the aggregate).
 */
@RestController
@RequestMapping("/api/v1/groups/{groupId}/coverage-requests")
@Tag(name = "Coverage requests")
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN', 'GROUP_MEMBER')")
class CoverageCommandController {

    record SlotRequest(UUID shiftTypeId, LocalDate date) {
    }

    record CoverageRequest(SlotRequest slot, String reason, UUID requesterId) {
    }

    record ClaimRequest(UUID memberId) {
    }

    record ActionRequest(String reason) {
    }

    private final Commands commands;
    private final ReadYourWrite reads;
    private final IdGenerator ids;

    CoverageCommandController(Commands commands, ReadYourWrite reads, IdGenerator ids) {
        this.commands = commands;
        this.reads = reads;
        this.ids = ids;
    }

    @PostMapping
    ResponseEntity<IdResponse> request(@PathVariable UUID groupId, @RequestBody CoverageRequest request) {
        CoverageRequestId id = new CoverageRequestId(ids.generateId());
        SlotRequest slot = request.slot();
        commands.create(new RequestCoverageCommand(id, new GroupId(groupId),
                slot == null || slot.shiftTypeId() == null || slot.date() == null ? null
                        : new SlotKey(new ShiftTypeId(slot.shiftTypeId()), slot.date()),
                request.requesterId() == null ? null : new MemberId(request.requesterId()), request.reason()));
        return IdResponse.created(id);
    }

    @PostMapping("/{requestId}/claim")
    ResponseEntity<?> claim(@PathVariable UUID groupId, @PathVariable UUID requestId,
                                  @RequestBody(required = false) ClaimRequest request) {
        return act(groupId, requestId, (group, id) -> new ClaimCoverageCommand(id, group,
                request == null || request.memberId() == null ? null : new MemberId(request.memberId())));
    }

    @PostMapping("/{requestId}/approve")
    ResponseEntity<?> approve(@PathVariable UUID groupId, @PathVariable UUID requestId,
                                    @RequestBody(required = false) ActionRequest request) {
        return act(groupId, requestId, (group, id) -> new ApproveCoverageCommand(id, group, reason(request)));
    }

    @PostMapping("/{requestId}/reject")
    ResponseEntity<?> reject(@PathVariable UUID groupId, @PathVariable UUID requestId,
                                   @RequestBody(required = false) ActionRequest request) {
        return act(groupId, requestId, (group, id) -> new RejectCoverageCommand(id, group, reason(request)));
    }

    @PostMapping("/{requestId}/cancel")
    ResponseEntity<?> cancel(@PathVariable UUID groupId, @PathVariable UUID requestId,
                                   @RequestBody(required = false) ActionRequest request) {
        return act(groupId, requestId, (group, id) -> new CancelCoverageCommand(id, group, reason(request)));
    }

    private static String reason(ActionRequest request) {
        return request == null ? null : request.reason();
    }

    private ResponseEntity<?> act(UUID groupId, UUID requestId, BiFunction<GroupId, CoverageRequestId, Object> command) {
        GroupId group = new GroupId(groupId);
        CoverageRequestId id = new CoverageRequestId(requestId);
        CoverageState after = commands.send(command.apply(group, id), ErrorCode.COVERAGE_REQUEST_NOT_FOUND,
                "No coverage request " + requestId + " in this group.");
        return ResponseEntity.ok(reads.read(new FindCoverageRequestQuery(group, id), CoverageRequestResponse.class,
                CoverageRequestResponse::version, after.version())
                .<Object>map(read -> read).orElse(after));
    }
}
