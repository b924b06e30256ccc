package app.rota.command.slot;

import app.rota.command.shifttype.ShiftTypeCatalogue.ShiftTypeFacts;
import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;

import java.time.ZoneId;

/**
 * Where a slot can be assigned: its shift type is active and has a slot on the date. Unassigning
 * needs neither, so assignments of a since-retired shift type can still be removed.
 */
final class SlotRules {

    private SlotRules() {
    }

    static SlotInterval assignableInterval(SlotKey slot, ShiftTypeFacts shiftType, ZoneId zone) {
        if (shiftType.retired()) {
            throw new RotaException(ErrorCode.SHIFT_TYPE_RETIRED, "shiftTypeId", "The shift type is retired.");
        }
        return shiftType.pattern().slotOn(slot.date(), zone)
                .orElseThrow(() -> new RotaException(ErrorCode.SLOT_NOT_FOUND, "date",
                        "The shift type does not occur on " + slot.date().getDayOfWeek() + " " + slot.date() + "."));
    }
}
