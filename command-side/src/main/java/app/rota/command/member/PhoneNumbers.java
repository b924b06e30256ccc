package app.rota.command.member;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/** Phone numbers are accepted in international form (leading +) and stored normalised to E.164. */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    static String normalised(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("A phone number in international form, e.g. +13125550123, is required.");
        }
        if (!raw.strip().startsWith("+")) {
            throw invalid("Give the phone number in international form with its country code, e.g. +13125550123.");
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, "ZZ");
            if (!UTIL.isValidNumber(number)) {
                throw invalid("This is not a valid phone number.");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw invalid("This is not a phone number.");
        }
    }

    private static RotaException invalid(String detail) {
        return new RotaException(ErrorCode.PHONE_INVALID, "phone", detail);
    }
}
