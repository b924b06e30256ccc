package app.rota.kernel.rotation;

import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotKey;

import java.util.List;

/** The slots one member was given by a rotation run, in start order. */
public record RotationShare(MemberId memberId, List<SlotKey> slots) {

    public RotationShare {
        slots = List.copyOf(slots);
    }
}
