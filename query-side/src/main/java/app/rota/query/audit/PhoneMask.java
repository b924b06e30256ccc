package app.rota.query.audit;

/**
 * A phone number as the audit log shows it: never in full, only the last four digits
 * ({@code +*******4567}), like the notification log.
 */
final class PhoneMask {

    private PhoneMask() {
    }

    static String mask(String e164) {
        if (e164 == null) {
            return null;
        }
        if (e164.length() < 6) {
            return "+***";
        }
        return "+" + "*".repeat(e164.length() - 5) + e164.substring(e164.length() - 4);
    }
}
