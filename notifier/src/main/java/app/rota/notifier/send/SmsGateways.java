package app.rota.notifier.send;

import app.rota.notifier.TwilioProperties;

/** Chooses the gateway: Twilio when its credentials are configured, else the log. */
public final class SmsGateways {

    private SmsGateways() {
    }

    public static SmsGateway of(TwilioProperties twilio, String publicBaseUrl) {
        return twilio.sends() ? new TwilioGateway(twilio, publicBaseUrl) : new LogOnlyGateway();
    }
}
