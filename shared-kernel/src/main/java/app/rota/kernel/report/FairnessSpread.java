package app.rota.kernel.report;

/** Max minus min, over the listed members who take call (active, not auditors), of slots, weekend-or-holiday slots and real hours. */
public record FairnessSpread(int slots, int weekendHolidaySlots, double realHours) {
}
