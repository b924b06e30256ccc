package app.rota.notifier;

import app.rota.notifier.send.SmsGateways;
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

    /** Twilio when its credentials are configured, else the log; the start-up report says which. */
    @Bean
    app.rota.notifier.send.SmsGateway smsGateway(TwilioProperties twilio, @Value("${rota.public-base-url}") String publicBaseUrl) {
        return SmsGateways.of(twilio, publicBaseUrl);
    }
}
