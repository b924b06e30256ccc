package app.rota.kernel.directory;

import app.rota.kernel.member.TimeOffId;

import java.time.LocalDate;

/** Declared time off, group-local dates inclusive. */
public record TimeOffEntry(TimeOffId id, LocalDate from, LocalDate to, String reason) {
}
