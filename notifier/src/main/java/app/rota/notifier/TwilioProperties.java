package app.rota.notifier;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio settings ({@code rota.twilio.*}, from {@code TWILIO_ACCOUNT_SID}, {@code TWILIO_AUTH_TOKEN},
 * {@code TWILIO_FROM_NUMBER}, {@code ROTA_TWILIO_API_BASE_URL}). Without credentials Rota logs and
 * records messages instead of sending them.
 */
@ConfigurationProperties("rota.twilio")
public record TwilioProperties(String accountSid, String authToken, String fromNumber, String apiBaseUrl) {

    public boolean sends() {
        return present(accountSid) && present(authToken) && present(fromNumber);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
