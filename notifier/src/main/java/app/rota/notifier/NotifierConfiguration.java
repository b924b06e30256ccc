package app.rota.notifier;

import app.rota.notifier.send.SmsGateways;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The notifier, as one unit a node runs or not ({@code rota.roles.notifier}, on by default); imported by the application. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "rota.roles", name = "notifier", havingValue = "true", matchIfMissing = true)
@ComponentScan
@EnableConfigurationProperties({TwilioProperties.class, SmsProperties.class})
public class NotifierConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotifierConfiguration.class);

    @Bean
    app.rota.notifier.send.SmsGateway smsGateway(TwilioProperties twilio, @Value("${rota.public-base-url}") String publicBaseUrl) {
        if (twilio.sends()) {
            log.info("SMS: sending through Twilio (account {}…, API {}), status callbacks to {}/api/v1/sms/status",
                    twilio.accountSid().substring(0, Math.min(6, twilio.accountSid().length())), twilio.apiBaseUrl(), publicBaseUrl);
        } else {
            log.info("SMS: log only (no TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN / TWILIO_FROM_NUMBER configured): "
                    + "messages are written to the log and recorded as SENT, nothing leaves");
        }
        return SmsGateways.of(twilio, publicBaseUrl);
    }
}
