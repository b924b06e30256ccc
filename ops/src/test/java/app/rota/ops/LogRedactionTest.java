package app.rota.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The configured console pattern masks phone numbers in messages and in stack traces. */
class LogRedactionTest {

    @Test
    void phoneNumbersInMessagesAndExceptionsAreMaskedToTheirLastTwoDigits() {
        String output = layout().doLayout(event("Member +13125550123 failed",
                new IllegalStateException("Key (group_id, phone)=(42, +447700900123) already exists")));

        assertThat(output)
                .doesNotContain("+13125550123", "3125550123", "+447700900123", "7700900123")
                .contains("Member +***23 failed", "phone)=(42, +***23) already exists", "IllegalStateException");
        assertThat(output.split("IllegalStateException", -1)).as("the stack trace is printed once").hasSize(2);
    }

    @Test
    void ordinaryNumbersAreLeftAlone() {
        String output = layout().doLayout(event("Processed 1234 events at position 987654", null));

        assertThat(output).contains("Processed 1234 events at position 987654");
    }

    private static PatternLayout layout() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String pattern = yaml.getObject().getProperty("logging.pattern.console");
        PatternLayout layout = new PatternLayout();
        layout.setContext(context());
        layout.setPattern(pattern);
        layout.start();
        return layout;
    }

    private static LoggingEvent event(String message, Throwable error) {
        return new LoggingEvent(LogRedactionTest.class.getName(), context().getLogger("rota.test"), Level.ERROR, message, error, null);
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
