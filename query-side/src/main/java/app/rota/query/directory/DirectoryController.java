package app.rota.query.directory;

import app.rota.kernel.directory.FindMemberLoginsQuery;
import app.rota.kernel.directory.FindMemberQuery;
import app.rota.kernel.directory.FindMembersQuery;
import app.rota.kernel.directory.FindShiftTypesQuery;
import app.rota.kernel.directory.MemberDetailResponse;
import app.rota.kernel.directory.MemberLoginsResponse;
import app.rota.kernel.directory.MembersResponse;
import app.rota.kernel.directory.ShiftTypesResponse;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.member.MemberId;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The group directory: members (with their usernames, from the logins) and shift types. Any member, admin or
 * auditor of the group may read it; phone numbers and time-off reasons are shown as {@link PersonalDetails} says.
 */
@RestController
@RequestMapping("/api/v1/groups/{groupId}")
class DirectoryController {

    private final QueryGateway queries;

    DirectoryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/members")
    @Tag(name = "Members")
    MembersResponse members(@PathVariable UUID groupId, @RequestParam(defaultValue = "false") boolean includeInactive) {
        GroupId group = new GroupId(groupId);
        MembersResponse members = ask(new FindMembersQuery(group, includeInactive), MembersResponse.class);
        MemberLoginsResponse logins = ask(new FindMemberLoginsQuery(group), MemberLoginsResponse.class);
        return new MembersResponse(members.members().stream()
                .map(member -> member.withUsername(logins.usernameOf(member.id()))).toList());
    }

    @GetMapping("/members/{memberId}")
    @Tag(name = "Members")
    MemberDetailResponse member(@PathVariable UUID groupId, @PathVariable UUID memberId) {
        GroupId group = new GroupId(groupId);
        MemberDetailResponse member = ask(new FindMemberQuery(group, new MemberId(memberId)), MemberDetailResponse.class);
        return member.withUsername(ask(new FindMemberLoginsQuery(group), MemberLoginsResponse.class).usernameOf(member.id()));
    }

    @GetMapping("/shift-types")
    @Tag(name = "Shift types")
    ShiftTypesResponse shiftTypes(@PathVariable UUID groupId) {
        return ask(new FindShiftTypesQuery(new GroupId(groupId)), ShiftTypesResponse.class);
    }

    private <R> R ask(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }
}
