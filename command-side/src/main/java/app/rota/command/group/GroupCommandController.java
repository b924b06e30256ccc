package app.rota.command.group;

import app.rota.command.web.Commands;
import app.rota.command.web.IdResponse;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.group.ChangeGroupSettingsCommand;
import app.rota.kernel.group.CreateGroupCommand;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettings;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/groups")
@Tag(name = "Groups")
class GroupCommandController {

    record CreateGroupRequest(String name, String timeZone, GroupSettingsRequest settings) {
    }

    private final Commands commands;
    private final IdGenerator ids;

    GroupCommandController(Commands commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @PostMapping
    @PreAuthorize("hasRole('SUPER_ADMIN')")
    ResponseEntity<IdResponse> create(@RequestBody CreateGroupRequest request) {
        GroupId groupId = new GroupId(ids.generateId());
        commands.create(new CreateGroupCommand(groupId, request.name(), request.timeZone(),
                GroupSettingsRequest.toSettings(request.settings())));
        return IdResponse.created(groupId);
    }

    @PutMapping("/{groupId}/settings")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'GROUP_ADMIN')")
    GroupSettings changeSettings(@PathVariable UUID groupId, @RequestBody GroupSettingsRequest request) {
        return commands.send(new ChangeGroupSettingsCommand(new GroupId(groupId), GroupSettingsRequest.toSettings(request)),
                ErrorCode.GROUP_NOT_FOUND, "No group with id " + groupId + ".");
    }
}
