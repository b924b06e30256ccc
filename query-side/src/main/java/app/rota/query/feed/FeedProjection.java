package app.rota.query.feed;

import app.rota.kernel.common.Actor;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.feed.IssueFeedCommand;
import app.rota.kernel.member.MemberAddedEvent;
import app.rota.kernel.member.MemberChangedEvent;
import app.rota.kernel.member.MemberDeactivatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Keeps which group each member is in, their name and whether they are active, and issues feeds with it. A
 * deactivated member's feed is revoked (their login stops too) and none can be issued for them; the group's feed
 * still shows their slots, as the calendar does.
 */
@Component
@ProcessingGroup(FeedProjection.PROCESSING_GROUP)
class FeedProjection {

    static final String PROCESSING_GROUP = "feeds";

    private final FeedStore store;
    private final Clock clock;

    FeedProjection(FeedStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventHandler
    void on(MemberAddedEvent e) {
        store.memberAdded(e.memberId(), e.groupId(), e.name());
    }

    @EventHandler
    void on(MemberChangedEvent e) {
        store.memberRenamed(e.memberId(), e.name());
    }

    @EventHandler
    void on(MemberDeactivatedEvent e) {
        store.memberDeactivated(e.memberId());
    }

    @ResetHandler
    void reset() {
        store.reset();
    }

    /**
     * A member's feed: by the member themself or an admin, for an active member of the group. The group's feed:
     * by an admin. Either replaces the feed issued before.
     */
    @CommandHandler
    void handle(IssueFeedCommand command, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        if (command.memberId() == null) {
            if (!actor.actsAsAdmin()) {
                throw new RotaException(ErrorCode.ACCESS_DENIED, "Only an admin may publish the group's feed.");
            }
            store.groupFeedIssued(command.tokenHash(), command.groupId(), clock.instant());
            return;
        }
        FeedStore.MemberRow member = store.member(command.memberId())
                .filter(row -> row.groupId().equals(command.groupId()))
                .orElseThrow(() -> new RotaException(ErrorCode.MEMBER_NOT_FOUND, "No member " + command.memberId() + " in this group."));
        actor.requireMayActFor(member.memberId());
        if (!member.active()) {
            throw new RotaException(ErrorCode.MEMBER_INACTIVE, "memberId", "The member is deactivated.");
        }
        store.memberFeedIssued(command.tokenHash(), command.groupId(), member.memberId(), clock.instant());
    }
}
