package app.rota.kernel.group;

import app.rota.kernel.common.GroupScoped;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateGroupCommand(@TargetAggregateIdentifier GroupId groupId,
                                 String name,
                                 String timeZone,
                                 GroupSettings settings) implements GroupScoped {
}
