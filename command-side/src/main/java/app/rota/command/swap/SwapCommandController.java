package app.rota.command.swap;

import app.rota.command.web.Commands;
import app.rota.command.web.IdResponse;
import app.rota.command.web.ReadYourWrite;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.swap.AcceptSwapCommand;
import app.rota.kernel.swap.ApproveSwapCommand;
import app.rota.kernel.swap.CancelSwapCommand;
import app.rota.kernel.swap.DeclineSwapCommand;
import app.rota.kernel.swap.FindSwapQuery;
import app.rota.kernel.swap.ProposeSwapCommand;
import app.rota.kernel.swap.RejectSwapCommand;
import app.rota.kernel.swap.SwapId;
import app.rota.kernel.swap.SwapResponse;
import app.rota.kernel.swap.SwapState;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Swaps: members and admins propose and act on them; who may do which step is the swap's own
 * decision (the actor reaches the aggregate). An action answers the swap as it is after the action,
 * read from the swaps read model once it has caught up with that action.
 */
@RestController
@RequestMapping("/api/v1/groups/{groupId}/swaps")
@Tag(name = "Swaps")
@PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN', 'GROUP_MEMBER')")
class SwapCommandController {

    record SlotRequest(UUID shiftTypeId, LocalDate date) {

        SlotKey key() {
            return shiftTypeId == null || date == null ? null : new SlotKey(new ShiftTypeId(shiftTypeId), date);
        }
    }

    record ProposeRequest(SlotRequest fromSlot, SlotRequest toSlot, UUID counterpartId, String reason, Instant expiresAt,
                          UUID proposerId) {
    }

    record ActionRequest(String reason) {
    }

    private final Commands commands;
    private final ReadYourWrite reads;
    private final IdGenerator ids;

    SwapCommandController(Commands commands, ReadYourWrite reads, IdGenerator ids) {
        this.commands = commands;
        this.reads = reads;
        this.ids = ids;
    }

    @PostMapping
    ResponseEntity<IdResponse> propose(@PathVariable UUID groupId, @RequestBody ProposeRequest request) {
        SwapId id = new SwapId(ids.generateId());
        commands.create(new ProposeSwapCommand(id, new GroupId(groupId), request.fromSlot() == null ? null : request.fromSlot().key(),
                request.toSlot() == null ? null : request.toSlot().key(),
                request.counterpartId() == null ? null : new MemberId(request.counterpartId()),
                request.proposerId() == null ? null : new MemberId(request.proposerId()), request.reason(), request.expiresAt()));
        return IdResponse.created(id);
    }

    @PostMapping("/{swapId}/accept")
    ResponseEntity<?> accept(@PathVariable UUID groupId, @PathVariable UUID swapId, @RequestBody(required = false) ActionRequest request) {
        return act(groupId, swapId, (group, swap) -> new AcceptSwapCommand(swap, group, reason(request)));
    }

    @PostMapping("/{swapId}/decline")
    ResponseEntity<?> decline(@PathVariable UUID groupId, @PathVariable UUID swapId, @RequestBody(required = false) ActionRequest request) {
        return act(groupId, swapId, (group, swap) -> new DeclineSwapCommand(swap, group, reason(request)));
    }

    @PostMapping("/{swapId}/approve")
    ResponseEntity<?> approve(@PathVariable UUID groupId, @PathVariable UUID swapId, @RequestBody(required = false) ActionRequest request) {
        return act(groupId, swapId, (group, swap) -> new ApproveSwapCommand(swap, group, reason(request)));
    }

    @PostMapping("/{swapId}/reject")
    ResponseEntity<?> reject(@PathVariable UUID groupId, @PathVariable UUID swapId, @RequestBody(required = false) ActionRequest request) {
        return act(groupId, swapId, (group, swap) -> new RejectSwapCommand(swap, group, reason(request)));
    }

    @PostMapping("/{swapId}/cancel")
    ResponseEntity<?> cancel(@PathVariable UUID groupId, @PathVariable UUID swapId, @RequestBody(required = false) ActionRequest request) {
        return act(groupId, swapId, (group, swap) -> new CancelSwapCommand(swap, group, reason(request)));
    }

    private static String reason(ActionRequest request) {
        return request == null ? null : request.reason();
    }

    private ResponseEntity<?> act(UUID groupId, UUID swapId, java.util.function.BiFunction<GroupId, SwapId, Object> command) {
        GroupId group = new GroupId(groupId);
        SwapId swap = new SwapId(swapId);
        SwapState after = commands.send(command.apply(group, swap), ErrorCode.SWAP_NOT_FOUND, "No swap " + swapId + " in this group.");
        return ResponseEntity.ok(reads.read(new FindSwapQuery(group, swap), SwapResponse.class, SwapResponse::version, after.version())
                .<Object>map(read -> read).orElse(after));
    }
}
