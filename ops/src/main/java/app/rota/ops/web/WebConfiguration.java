package app.rota.ops.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Picked up by Spring Boot's JSON mapper, so the REST API shows typed ids as plain UUID strings. */
    @Bean
    TypedIdJacksonModule typedIdJacksonModule() {
        return new TypedIdJacksonModule();
    }
}
