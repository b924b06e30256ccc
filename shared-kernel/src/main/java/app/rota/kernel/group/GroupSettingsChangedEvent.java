package app.rota.kernel.group;

import org.axonframework.serialization.Revision;

@Revision("1")
public record GroupSettingsChangedEvent(GroupId groupId, GroupSettings before, GroupSettings after) {
}
