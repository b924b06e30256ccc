package app.rota.kernel.member;

import app.rota.kernel.schedule.SlotKey;

import java.time.LocalDate;
import java.util.List;

/** What declaring time off answers: its id and the member's existing assignments that fall in it. */
public record TimeOffResponse(TimeOffId id, LocalDate from, LocalDate to, List<SlotKey> conflictingSlots) {
}
