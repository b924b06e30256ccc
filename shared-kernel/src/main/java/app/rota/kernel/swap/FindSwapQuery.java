package app.rota.kernel.swap;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

public record FindSwapQuery(GroupId groupId, SwapId swapId) implements GroupScoped {
}
