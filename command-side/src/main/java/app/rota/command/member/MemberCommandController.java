package app.rota.command.member;

import app.rota.command.web.Commands;
import app.rota.command.web.IdResponse;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.AddMemberCommand;
import app.rota.kernel.member.ChangeMemberCommand;
import app.rota.kernel.member.DeactivateMemberCommand;
import app.rota.kernel.member.DeclareTimeOffCommand;
import app.rota.kernel.member.MemberRole;
import app.rota.kernel.member.NewLogin;
import app.rota.kernel.member.TimeOffId;
import app.rota.kernel.member.TimeOffResponse;
import app.rota.kernel.member.WithdrawTimeOffCommand;
import app.rota.kernel.member.MemberId;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/groups/{groupId}/members")
@Tag(name = "Members")
class MemberCommandController {

    record AddMemberRequest(String name, String phone, MemberRole role, String username, String password) {
    }

    record ChangeMemberRequest(String name, String phone, MemberRole role) {
    }

    record TimeOffRequest(LocalDate from, LocalDate to, String reason) {
    }

    private final Commands commands;
    private final IdGenerator ids;

    MemberCommandController(Commands commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    /** A username or a password in the request asks for a login: the member and the login are created together. */
    @PostMapping
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN')")
    ResponseEntity<IdResponse> add(@PathVariable UUID groupId, @RequestBody AddMemberRequest request) {
        boolean withLogin = request.username() != null || request.password() != null;
        MemberId memberId = new MemberId(ids.generateId());
        commands.create(new AddMemberCommand(memberId, new GroupId(groupId), request.name(), request.phone(), request.role(),
                withLogin ? new NewLogin(request.username(), request.password()) : null));
        return IdResponse.created(memberId);
    }

    @PatchMapping("/{memberId}")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN')")
    ResponseEntity<Void> change(@PathVariable UUID groupId, @PathVariable UUID memberId,
                                @RequestBody ChangeMemberRequest request) {
        commands.send(new ChangeMemberCommand(new MemberId(memberId), new GroupId(groupId), request.name(),
                request.phone(), request.role()), ErrorCode.MEMBER_NOT_FOUND, noMember(memberId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{memberId}/deactivate")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN')")
    ResponseEntity<Void> deactivate(@PathVariable UUID groupId, @PathVariable UUID memberId) {
        commands.send(new DeactivateMemberCommand(new MemberId(memberId), new GroupId(groupId)),
                ErrorCode.MEMBER_NOT_FOUND, noMember(memberId));
        return ResponseEntity.noContent().build();
    }

    /**
     * By an admin, or by the member for themselves: the member's aggregate decides on the actor. 201 with the
     * declaration's id (what withdrawing it names) and the member's slots that fall in it. A declaration has no read
     * of its own: {@code Location} is the member, whose read lists their time off.
     */
    @PostMapping("/{memberId}/time-off")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN', 'GROUP_MEMBER')")
    ResponseEntity<TimeOffResponse> declareTimeOff(@PathVariable UUID groupId, @PathVariable UUID memberId,
                                                   @RequestBody TimeOffRequest request) {
        TimeOffId timeOffId = new TimeOffId(ids.generateId());
        TimeOffResponse declared = commands.send(new DeclareTimeOffCommand(new MemberId(memberId), new GroupId(groupId),
                timeOffId, request.from(), request.to(), request.reason()), ErrorCode.MEMBER_NOT_FOUND, noMember(memberId));
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/groups/{groupId}/members/{memberId}").buildAndExpand(groupId, memberId).toUri()).body(declared);
    }

    /** Whoever may declare the member's time off may withdraw it (the aggregate decides); 204. */
    @DeleteMapping("/{memberId}/time-off/{timeOffId}")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN', 'GROUP_MEMBER')")
    ResponseEntity<Void> withdrawTimeOff(@PathVariable UUID groupId, @PathVariable UUID memberId, @PathVariable UUID timeOffId) {
        commands.send(new WithdrawTimeOffCommand(new MemberId(memberId), new GroupId(groupId), new TimeOffId(timeOffId)),
                ErrorCode.MEMBER_NOT_FOUND, noMember(memberId));
        return ResponseEntity.noContent().build();
    }

    private static String noMember(UUID memberId) {
        return "No member " + memberId + " in this group.";
    }

}
