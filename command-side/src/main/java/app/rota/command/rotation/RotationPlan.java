package app.rota.command.rotation;

import app.rota.command.eligibility.EligibilityPolicy;
import app.rota.kernel.member.MemberId;
import app.rota.kernel.schedule.SlotInterval;
import app.rota.kernel.schedule.SlotKey;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rotation policy, pure and deterministic. Slots are taken in time order. For each, the base
 * candidate is the WhoseOnFirst circular rotation, member index = (shift index + week offset) mod team
 * size; from there, members are tried in rotation order, skipping anyone the {@link EligibilityPolicy}
 * rules out (on time off that day, holding an overlapping slot, existing or planned). Among those eligible, a weekend or holiday slot
 * goes to whoever has the fewest weekend and holiday slots so far, any slot to whoever has the fewest
 * slots so far; ties keep rotation order.
 */
final class RotationPlan {

    /** A slot to fill, with its index among the rotated shift types and whether it is a weekend or holiday. */
    record Candidate(SlotKey slot, int shiftIndex, SlotInterval interval, boolean special) {
    }

    record Planned(SlotKey slot, MemberId memberId, SlotInterval interval) {
    }

    record Plan(List<Planned> assignments, List<SlotKey> unfillable, Map<MemberId, int[]> load) {
    }

    private RotationPlan() {
    }

    /**
     * @param team           members in rotation order
     * @param anchor         the first day of the range: week offsets count whole weeks from it
     * @param candidates     open future slots, in time order
     * @param eligibility    who may take which slot; the plan holds each slot it gives in it, so later
     *                       slots see it
     * @param initialLoad    [slots, weekend-and-holiday slots] each member already holds in the range
     */
    static Plan plan(List<MemberId> team, LocalDate anchor, List<Candidate> candidates,
                     EligibilityPolicy eligibility, Map<MemberId, int[]> initialLoad) {
        Map<MemberId, int[]> load = new HashMap<>();
        for (MemberId member : team) {
            int[] given = initialLoad.getOrDefault(member, new int[2]);
            load.put(member, new int[]{given[0], given[1]});
        }
        List<Planned> assignments = new ArrayList<>();
        List<SlotKey> unfillable = new ArrayList<>();
        for (Candidate candidate : candidates) {
            int weekOffset = (int) (ChronoUnit.DAYS.between(anchor, candidate.slot().date()) / 7);
            int base = Math.floorMod(candidate.shiftIndex() + weekOffset, team.size());
            MemberId chosen = null;
            for (int step = 0; step < team.size(); step++) {
                MemberId member = team.get((base + step) % team.size());
                if (!eligibility.allows(member, candidate.slot(), candidate.interval())) {
                    continue;
                }
                if (chosen == null || fairer(load.get(member), load.get(chosen), candidate.special())) {
                    chosen = member;
                }
            }
            if (chosen == null) {
                unfillable.add(candidate.slot());
            } else {
                eligibility.hold(chosen, candidate.slot(), candidate.interval());
                load.get(chosen)[0]++;
                if (candidate.special()) {
                    load.get(chosen)[1]++;
                }
                assignments.add(new Planned(candidate.slot(), chosen, candidate.interval()));
            }
        }
        return new Plan(assignments, unfillable, load);
    }

    private static boolean fairer(int[] member, int[] best, boolean special) {
        if (special && member[1] != best[1]) {
            return member[1] < best[1];
        }
        return member[0] < best[0];
    }
}
