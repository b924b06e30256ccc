package app.rota.notifier.inbound;

import app.rota.kernel.error.ErrorCode;
import app.rota.kernel.error.RotaException;
import app.rota.notifier.TwilioProperties;
import com.twilio.security.RequestValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} with the SDK's {@link RequestValidator}: HMAC-SHA1 of the exact URL Twilio
 * called ({@code ROTA_PUBLIC_BASE_URL} + path) and the sorted form fields, keyed by the auth token. Without an
 * auth token nothing can be verified, so every webhook is refused.
 */
@Component
class TwilioSignatures {

    private final RequestValidator validator;
    private final String publicBaseUrl;

    TwilioSignatures(TwilioProperties twilio, @Value("${rota.public-base-url}") String publicBaseUrl) {
        this.validator = twilio.authToken() == null || twilio.authToken().isBlank() ? null : new RequestValidator(twilio.authToken());
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    void require(String path, Map<String, String> form, String signature) {
        if (validator == null || signature == null || signature.isBlank()
                || !validator.validate(publicBaseUrl + path, form, signature)) {
            throw new RotaException(ErrorCode.SIGNATURE_INVALID,
                    "The request does not carry a valid X-Twilio-Signature for " + path + "; nothing was done.");
        }
    }
}
