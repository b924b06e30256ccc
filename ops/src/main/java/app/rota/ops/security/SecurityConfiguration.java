package app.rota.ops.security;

import app.rota.kernel.common.Roles;
import app.rota.kernel.error.ErrorCode;
import app.rota.ops.RotaProperties;
import app.rota.ops.web.Problems;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.crypto.SecretKey;
import java.util.Collection;
import java.util.List;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, Problems problems, CurrentAccounts accounts) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> problems.write(response,
                ErrorCode.AUTHENTICATION_REQUIRED,
                "Log in at /api/v1/auth/login and send the token as 'Authorization: Bearer <token>'.");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login").permitAll()
                        // Twilio's webhooks carry no login: their X-Twilio-Signature is checked instead (403 without it)
                        .requestMatchers(HttpMethod.POST, "/api/v1/sms/inbound", "/api/v1/sms/status").permitAll()
                        // a calendar feed's address is its own credential: calendar apps subscribe without a login
                        .requestMatchers(HttpMethod.GET, "/api/v1/feeds/*.ics").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.SUPER_ADMIN)
                        .requestMatchers("/api/v1/admin/**").hasRole(Roles.SUPER_ADMIN)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint(unauthenticated))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(response, ErrorCode.ACCESS_DENIED, "Your role does not allow this.")))
                .addFilterAfter(new CurrentAccountFilter(problems, accounts), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * No observation around each filter of the security chain (Spring Security wraps every one of ~15 filters
     * in an observation with its own timer samples per request, about 5 % of Rota's CPU under load,
     * docs/benchmarks.md). Authentications and authorizations stay observed (their meters), and so does each
     * HTTP request as a whole (http.server.requests, Spring MVC's own filter).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
    }

    @Bean
    HttpFirewall canonicalPathFirewall() {
        return new CanonicalPathFirewall();
    }

    /** What the firewall refuses is answered as a problem detail too: 404 for another spelling of a path, else 400. */
    @Bean
    RequestRejectedHandler requestRejectedAsProblem(Problems problems) {
        return (request, response, rejected) -> {
            if (rejected instanceof CanonicalPathFirewall.NonCanonicalPathException) {
                problems.write(response, ErrorCode.NOT_FOUND, "Nothing here: use the path's canonical spelling.");
            } else {
                problems.write(response, ErrorCode.MALFORMED_REQUEST,
                        "The request has characters Rota does not accept in its method, headers or parameters.");
            }
        };
    }

    /** Tenancy on the bound {@code groupId} of every handler. */
    @Bean
    WebMvcConfigurer groupAccess(Problems problems) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new GroupAccessInterceptor(problems));
            }
        };
    }

    private static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<String> roles = jwt.getClaimAsStringList(TokenService.ROLES_CLAIM);
            return (roles == null ? List.<String>of() : roles).stream()
                    .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
        });
        return converter;
    }

    @Bean
    SecretKey jwtSigningKey(RotaProperties properties) {
        return JwtKeys.signingKey(properties);
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey key) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TokenService.ISSUER));
        return decoder;
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey key) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
