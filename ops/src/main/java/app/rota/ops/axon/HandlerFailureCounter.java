package app.rota.ops.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs every failing event handler invocation ({@code rota.event.handler.failures}, tagged
 * by processor), marks the processor as failing until it succeeds again, and rethrows so the processor
 * retries the event with back-off.
 */
class HandlerFailureCounter implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(HandlerFailureCounter.class);

    private final String processorName;
    private final Counter failures;
    private final ProcessorFailures failing;

    HandlerFailureCounter(String processorName, MeterRegistry registry, ProcessorFailures failing) {
        this.processorName = processorName;
        this.failing = failing;
        this.failures = Counter.builder("rota.event.handler.failures")
                .description("Event handler invocations that failed and will be retried")
                .tag("processor", processorName)
                .register(registry);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            Object result = chain.proceed();
            failing.succeeded(processorName);
            return result;
        } catch (Exception e) {
            failures.increment();
            failing.failed(processorName, e);
            log.warn("Event handler in processor '{}' failed on {} (global position retried with back-off): {}",
                    processorName, unitOfWork.getMessage().getPayloadType().getSimpleName(), e.toString());
            throw e;
        }
    }
}
