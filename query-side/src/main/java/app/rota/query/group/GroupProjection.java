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

/** Builds {@link GroupView} rows from group events and answers group queries. */
@Component
@ProcessingGroup(GroupProjection.PROCESSING_GROUP)
class GroupProjection {

    static final String PROCESSING_GROUP = "groups";

    private final GroupViewRepository groups;

    GroupProjection(GroupViewRepository groups) {
        this.groups = groups;
    }

    @EventHandler
    void on(GroupCreatedEvent event, @Timestamp Instant at, @SequenceNumber long sequence) {
        groups.save(GroupView.created(event.groupId(), event.name(), event.timeZone().getId(), event.settings(),
                at, sequence + 1));
    }

    @EventHandler
    void on(GroupSettingsChangedEvent event, @SequenceNumber long sequence) {
        groups.findById(event.groupId().value())
                .ifPresent(group -> group.settingsChanged(event.after(), sequence + 1));
    }

    @ResetHandler
    void reset() {
        groups.deleteAllInBatch();
    }

    @QueryHandler
    GroupResponse handle(FindGroupQuery query) {
        return groups.findById(query.groupId().value()).map(GroupView::toResponse).orElse(null);
    }
}
