package app.rota.notifier.send;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** A phone number as logs and the notification log show it: country code and last four digits ({@code +1******4567}). */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String mask(String e164) {
        if (e164 == null || e164.length() < 6) {
            return "+***";
        }
        int countryDigits = 1;
        try {
            countryDigits = String.valueOf(PhoneNumberUtil.getInstance().parse(e164, null).getCountryCode()).length();
        } catch (NumberParseException e) {
            // keep one digit
        }
        int keep = 1 + countryDigits;
        int hidden = Math.max(0, e164.length() - keep - 4);
        return e164.substring(0, keep) + "*".repeat(hidden) + e164.substring(keep + hidden);
    }
}
