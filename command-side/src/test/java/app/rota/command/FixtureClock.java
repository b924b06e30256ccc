package app.rota.command;

import org.axonframework.test.saga.SagaTestFixture;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A saga fixture's own time as a {@link Clock}: what a saga waiting for a deadline's instant reads in a test. */
public final class FixtureClock extends Clock {

    private final SagaTestFixture<?> fixture;

    private FixtureClock(SagaTestFixture<?> fixture) {
        this.fixture = fixture;
    }

    /** Registers the fixture's clock as the saga's {@code Clock} resource. */
    public static void registerOn(SagaTestFixture<?> fixture) {
        fixture.registerResource(new FixtureClock(fixture));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return fixture.currentTime();
    }
}
