package app.rota.ops.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.ToStringSerializer;

import java.time.LocalTime;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Picked up by Spring Boot's JSON mapper, so the REST API shows typed ids as plain UUID strings. */
    @Bean
    TypedIdJacksonModule typedIdJacksonModule() {
        return new TypedIdJacksonModule();
    }

    /**
     * Wall-clock times are written as API.md has them, {@code HH:MM} ({@code "08:00"}, seconds only when there are
     * any), not Jackson's {@code "08:00:00"}: shift types' start times, group settings' reminder and quiet hours.
     */
    @Bean
    JsonMapperBuilderCustomizer wallClockTimes() {
        return builder -> builder.addModule(new SimpleModule("rota-wall-clock-times")
                .addSerializer(LocalTime.class, new ToStringSerializer(LocalTime.class)));
    }

    /** Tomcat's error pages become problem details too ({@link ProblemErrorReportValve}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }
}
