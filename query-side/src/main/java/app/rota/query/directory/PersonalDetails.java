package app.rota.query.directory;

import app.rota.kernel.common.Actor;
import app.rota.kernel.directory.TimeOffEntry;
import app.rota.kernel.member.MemberId;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.List;

/**
 * Who sees a member's personal details: the group's admins (a super admin, the system) and the member themself see
 * them all. Everyone else — members, auditors — sees the phone number masked after the country code,
 * {@code +1******4567}, as the notification log shows numbers, and the member's time off without its reasons (a
 * reason may say why someone is away: a medical appointment, a family matter).
 */
final class PersonalDetails {

    private PersonalDetails() {
    }

    private static boolean disclosedTo(Actor actor, MemberId member) {
        return actor.actsAsAdmin() || actor.is(member);
    }

    static String phoneAsSeenBy(Actor actor, MemberId member, String e164) {
        return disclosedTo(actor, member) ? e164 : masked(e164);
    }

    static List<TimeOffEntry> timeOffAsSeenBy(Actor actor, MemberId member, List<TimeOffEntry> timeOff) {
        if (disclosedTo(actor, member)) {
            return timeOff;
        }
        return timeOff.stream().map(entry -> new TimeOffEntry(entry.id(), entry.from(), entry.to(), null)).toList();
    }

    static String masked(String e164) {
        if (e164 == null || e164.length() < 6) {
            return "+***";
        }
        int keep = 1 + countryCodeDigits(e164);
        int hidden = Math.max(0, e164.length() - keep - 4);
        return e164.substring(0, keep) + "*".repeat(hidden) + e164.substring(keep + hidden);
    }

    private static int countryCodeDigits(String e164) {
        try {
            return String.valueOf(PhoneNumberUtil.getInstance().parse(e164, null).getCountryCode()).length();
        } catch (NumberParseException notANumber) {
            return 1;
        }
    }
}
