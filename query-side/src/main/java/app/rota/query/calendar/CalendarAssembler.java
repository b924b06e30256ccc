package app.rota.query.calendar;

import app.rota.kernel.schedule.Assignee;
import app.rota.kernel.schedule.CalendarSlot;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.ShiftTypeId;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;
import app.rota.kernel.schedule.SlotStatus;
import app.rota.kernel.schedule.SlotVersion;
import app.rota.query.calendar.CalendarStore.MemberRow;
import app.rota.query.calendar.CalendarStore.ShiftTypeRow;
import app.rota.query.calendar.CalendarStore.SlotRow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds calendar slots: every occurrence of each active shift type in the range, plus any recorded
 * slot (e.g. of a since-retired shift type), each with its interval computed in the group's zone and its
 * status as of {@code now}: with nobody assigned it is {@code OPEN} until the shift starts
 * ({@code COVERAGE_REQUESTED} while an open shift's request holds it) and a {@code GAP} from then on; with an
 * assignee it is {@code SWAP_PENDING} while a pending swap holds it, else {@code COVERAGE_REQUESTED} while a
 * pending coverage request holds it, else {@code ASSIGNED}. The swap's and the request's ids are shown while
 * they are pending, whatever the time.
 */
final class CalendarAssembler {

    private CalendarAssembler() {
    }

    static List<CalendarSlot> slots(ZoneId zone, LocalDate from, LocalDate to, Map<ShiftTypeId, ShiftTypeRow> shiftTypes,
                                    Map<MemberId, MemberRow> members, List<SlotRow> recorded, Instant now) {
        Map<SlotKey, SlotRow> bySlot = new LinkedHashMap<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (ShiftTypeRow type : shiftTypes.values()) {
                if (!type.retired() && type.pattern().occursOn(date)) {
                    SlotKey key = new SlotKey(type.id(), date);
                    bySlot.put(key, new SlotRow(key, null, SlotVersion.NEVER_EDITED, null, null));
                }
            }
        }
        recorded.forEach(row -> bySlot.put(row.slot(), row));
        List<CalendarSlot> slots = new ArrayList<>();
        for (SlotRow row : bySlot.values()) {
            ShiftTypeRow type = shiftTypes.get(row.slot().shiftTypeId());
            if (type != null && (row.memberId() != null || !type.retired())) {
                slots.add(slot(zone, type, row, members, now));
            }
        }
        slots.sort(Comparator.comparing(CalendarSlot::start).thenComparing(CalendarSlot::shiftTypeName));
        return slots;
    }

    static CalendarSlot slot(ZoneId zone, ShiftTypeRow type, SlotRow row, Map<MemberId, MemberRow> members, Instant now) {
        // Timed even on a day the pattern no longer has (an assignment made before the shift type's days changed).
        SlotInterval interval = type.pattern().timing().intervalOn(row.slot().date(), zone);
        MemberRow member = row.memberId() == null ? null : members.get(row.memberId());
        Assignee assignee = row.memberId() == null ? null : new Assignee(row.memberId(),
                member == null ? null : member.name(), member != null && member.reachableBySms());
        return new CalendarSlot(type.id(), type.name(), row.slot().date(), interval.startOffset(), interval.endOffset(),
                interval.realHours(), status(row, interval, now), assignee, row.version(), row.swapId(),
                row.coverageRequestId());
    }

    private static SlotStatus status(SlotRow row, SlotInterval interval, Instant now) {
        if (row.memberId() == null) {
            if (!now.isBefore(interval.startInstant())) {
                return SlotStatus.GAP;
            }
            return row.coverageRequestId() != null ? SlotStatus.COVERAGE_REQUESTED : SlotStatus.OPEN;
        }
        if (row.swapId() != null) {
            return SlotStatus.SWAP_PENDING;
        }
        return row.coverageRequestId() != null ? SlotStatus.COVERAGE_REQUESTED : SlotStatus.ASSIGNED;
    }
}
