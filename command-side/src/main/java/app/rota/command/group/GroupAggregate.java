package app.rota.command.group;

import app.rota.kernel.group.ChangeGroupSettingsCommand;
import app.rota.kernel.group.CreateGroupCommand;
import app.rota.kernel.group.GroupCreatedEvent;
import app.rota.kernel.group.GroupId;
import app.rota.kernel.group.GroupSettings;
import app.rota.kernel.group.GroupSettingsChangedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.ZoneId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A group (tenant): its name, time zone and policies. Small on purpose: schedules live elsewhere. */
@Aggregate
class GroupAggregate {

    @AggregateIdentifier
    private GroupId groupId;
    private GroupSettings settings;

    GroupAggregate() {
    }

    @CommandHandler
    GroupAggregate(CreateGroupCommand command) {
        ZoneId zone = GroupRules.validTimeZone(command.timeZone());
        apply(new GroupCreatedEvent(command.groupId(), GroupRules.validName(command.name()), zone,
                GroupRules.validSettings(command.settings())));
    }

    @CommandHandler
    GroupSettings handle(ChangeGroupSettingsCommand command) {
        GroupSettings after = GroupRules.validSettings(command.settings());
        if (!after.equals(settings)) {
            apply(new GroupSettingsChangedEvent(groupId, settings, after));
        }
        return after;
    }

    @EventSourcingHandler
    void on(GroupCreatedEvent event) {
        groupId = event.groupId();
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(GroupSettingsChangedEvent event) {
        settings = event.after();
    }
}
