package app.rota.notifier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The notifier, as one unit a node runs or not ({@code rota.roles.notifier}, on by default); imported by the application. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "rota.roles", name = "notifier", havingValue = "true", matchIfMissing = true)
@ComponentScan
@EnableConfigurationProperties(TwilioProperties.class)
public class NotifierConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotifierConfiguration.class);

    NotifierConfiguration(TwilioProperties twilio) {
        if (twilio.sends()) {
            log.info("SMS: sending through Twilio (account {}…)", twilio.accountSid().substring(0, Math.min(6, twilio.accountSid().length())));
        } else {
            log.info("SMS: log only (no TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN / TWILIO_FROM_NUMBER configured)");
        }
    }
}
