package app.rota.query.directory;

import app.rota.kernel.common.Actor;
import app.rota.kernel.member.MemberId;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Who sees a member's phone number in full: the group's admins (a super admin, the system) and the member
 * themself. Everyone else — members, auditors — sees it masked after the country code, {@code +1******4567},
 * as the notification log shows numbers.
 */
final class PhoneDisclosure {

    private PhoneDisclosure() {
    }

    static String phoneAsSeenBy(Actor actor, MemberId member, String e164) {
        return actor.actsAsAdmin() || actor.is(member) ? e164 : masked(e164);
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
