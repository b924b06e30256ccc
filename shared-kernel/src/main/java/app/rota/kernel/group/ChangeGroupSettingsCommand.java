package app.rota.kernel.group;

import app.rota.kernel.common.GroupScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeGroupSettingsCommand(@TargetAggregateIdentifier GroupId groupId, GroupSettings settings) implements GroupScoped {
}
