package app.rota.kernel.admin;

import java.time.Instant;
import java.util.List;

/** The latest rebuild of each projection on this node. */
public record Replays(List<Replay> replays) {

    /**
     * One rebuild: {@code status} REPLAYING (rebuilding into fresh tables while the live ones answer), SWITCHING
     * (the live processor paused while the last events are applied and the tables swapped), DONE or FAILED;
     * {@code position} the last event applied, {@code head} the store's head when last measured, {@code progress}
     * position / head from 0 to 1; {@code events} read, {@code skipped} of them not applied (an event its handlers refuse,
     * and the later events of its aggregate, as the live processor parks them in its dead-letter queue).
     */
    public record Replay(String name, String status, Long position, long head, double progress, long events, long skipped,
                         Instant startedAt,
                         Instant finishedAt, Double eventsPerSecond, String error) {

        public boolean running() {
            return "REPLAYING".equals(status) || "SWITCHING".equals(status);
        }
    }
}
