package app.rota.ops.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The web app's static files ({@code classpath:/static}: {@code /}, {@code /index.html}, {@code /app/**}) are served
 * to anyone, since the login screen is one of them; everything they show comes from {@code /api}, which stays behind
 * the token. Their responses carry a Content-Security-Policy that allows scripts, styles and connections from Rota's
 * own origin only: no inline script or style, no {@code eval}, no framing, no plug-ins.
 */
@Configuration(proxyBeanMethods = false)
class WebAppSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "object-src 'none'",
            "frame-ancestors 'none'");

    private static final String[] APP_PATHS = {"/", "/index.html", "/app/**"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain webApp(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(Arrays.stream(APP_PATHS)
                        .flatMap(path -> Stream.of(HttpMethod.GET, HttpMethod.HEAD)
                                .<RequestMatcher>map(method -> PathPatternRequestMatcher.withDefaults().matcher(method, path)))
                        .toList()))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()));
        return http.build();
    }
}
