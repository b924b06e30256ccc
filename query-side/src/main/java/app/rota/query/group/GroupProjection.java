package app.rota.query.group;

import app.rota.kernel.group.FindGroupQuery;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupResponse;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Builds the groups' read model ({@link GroupStore}) from group events and answers group queries. */
@Component
@ProcessingGroup(GroupProjection.PROCESSING_GROUP)
class GroupProjection {

    static final String PROCESSING_GROUP = "groups";

    private final GroupStore groups;

    GroupProjection(GroupStore groups) {
        this.groups = groups;
    }

    @EventHandler
    void on(GroupCreatedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        groups.created(event.groupId(), event.name(), event.timeZone().getId(), event.settings(), at, sequence + 1);
    }

    @EventHandler
    void on(GroupSettingsChangedEvent event, @SequenceNumber long sequence) {
        groups.settingsChanged(event.groupId(), event.after(), sequence + 1);
    }

    @ResetHandler
    void reset() {
        groups.reset();
    }

    @QueryHandler
    GroupResponse handle(FindGroupQuery query) {
        return groups.group(query.groupId()).orElse(null);
    }
}
