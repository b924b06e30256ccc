package app.rota.query;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The query side, as one unit a node runs or not ({@code rota.roles.query-side}, on by default): its
 * projections (tracking processors) with their query handlers, and the read controllers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "rota.roles", name = "query-side", havingValue = "true", matchIfMissing = true)
@ComponentScan
public class QuerySideConfiguration {
}
