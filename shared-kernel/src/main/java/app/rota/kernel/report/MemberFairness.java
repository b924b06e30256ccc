package app.rota.kernel.report;

import app.rota.kernel.member.MemberId;

/**
 * One member's share of a date range.
 *
 * @param slots         slots of the range the member holds now
 * @param realHours     their real length summed (a 24-hour shift across a DST change counts 23 or 25)
 * @param weekendSlots  of those, the ones on a Saturday or Sunday
 * @param holidaySlots  of those, the ones on one of the group's holidays (as the settings list them now)
 * @param nightSlots    of those, the ones of a shift type starting at or after 18:00 or before 06:00 local time
 * @param swapsGiven    completed swaps in which the member handed over a slot of the range
 * @param swapsTaken    completed swaps in which the member took over a slot of the range
 * @param coverageGiven covered coverage requests for a slot of the range that the member took (covered)
 * @param coverageTaken covered coverage requests for a slot of the range that the member held and was relieved of
 */
public record MemberFairness(MemberId memberId, String name, int slots, double realHours, int weekendSlots,
                             int holidaySlots, int nightSlots, int swapsGiven, int swapsTaken, int coverageGiven,
                             int coverageTaken) {
}
