package app.rota.query.group;

import app.rota.kernel.common.Actor;
import app.rota.kernel.common.Paging;
import app.rota.kernel.group.FindGroupQuery;
import app.rota.kernel.group.FindGroupsQuery;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupResponse;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import app.rota.kernel.group.GroupSummary;
import app.rota.kernel.group.GroupsResponse;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

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

    /**
     * The caller's groups by name, as the query's actor says: every group for a super admin (or the system), a member's
     * login its one group, anyone else none.
     */
    @QueryHandler
    GroupsResponse handle(FindGroupsQuery query, MetaData metaData) {
        Paging.check(query.page(), query.size(), FindGroupsQuery.MAX_SIZE);
        Actor actor = Actor.fromMetaData(metaData);
        if (actor.role() == Actor.Role.SUPER_ADMIN || actor.role() == Actor.Role.SYSTEM) {
            return new GroupsResponse(groups.summaries(query.page(), query.size()), query.page(), query.size(), groups.count());
        }
        List<GroupSummary> own = actor.groupId() == null ? List.of() : groups.summary(actor.groupId()).stream().toList();
        return new GroupsResponse(query.page() == 0 ? own : List.of(), query.page(), query.size(), own.size());
    }
}
