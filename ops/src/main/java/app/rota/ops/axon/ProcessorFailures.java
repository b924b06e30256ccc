package app.rota.ops.axon;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which event processors are failing right now: a processor is failing from a handler's failure until
 * it next handles an event successfully (the retried one, after back-off). Read by readiness.
 */
@Component
public class ProcessorFailures {

    private final Map<String, String> failing = new ConcurrentHashMap<>();

    void failed(String processor, Exception cause) {
        failing.put(processor, cause.getClass().getSimpleName());
    }

    void succeeded(String processor) {
        failing.remove(processor);
    }

    /** Processor name → the type of its last failure, for the processors that have not recovered. */
    public Map<String, String> failing() {
        return Map.copyOf(failing);
    }
}
