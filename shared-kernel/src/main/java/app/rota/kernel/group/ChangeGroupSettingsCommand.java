package app.rota.kernel.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeGroupSettingsCommand(@TargetAggregateIdentifier GroupId groupId, GroupSettings settings) {
}
