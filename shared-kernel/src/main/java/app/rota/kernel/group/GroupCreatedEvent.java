package app.rota.kernel.group;

import org.axonframework.serialization.Revision;

import java.time.ZoneId;

@Revision("1")
public record GroupCreatedEvent(GroupId groupId, String name, ZoneId timeZone, GroupSettings settings) {
}
