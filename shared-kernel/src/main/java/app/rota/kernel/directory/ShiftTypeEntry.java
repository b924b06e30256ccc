package app.rota.kernel.directory;

import app.rota.kernel.schedule.ShiftTypeId;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** A shift type as the directory lists it: its group-local start, duration, days (Monday first) and whether retired. */
public record ShiftTypeEntry(ShiftTypeId id, String name, LocalTime startTime, int durationHours, List<DayOfWeek> daysOfWeek,
                             boolean retired) {
}
