package app.rota.kernel.schedule;

import app.rota.kernel.common.GroupScoped;
import app.rota.kernel.group.GroupId;

/** Every recorded change of one slot, oldest first, read from the slot's own event stream. */
public record FindSlotHistoryQuery(GroupId groupId, SlotKey slot) implements GroupScoped {
}
