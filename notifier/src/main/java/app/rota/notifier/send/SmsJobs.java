package app.rota.notifier.send;

import app.rota.notifier.reminder.Reminders;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.annotations.Recurring;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The notifier's background work, as JobRunr recurring jobs: JobRunr's storage lets one background server
 * take each run, so with several nodes one node sends a given message and one scans for reminders. A run
 * that fails is not retried by JobRunr (the next run, seconds later, does the same work).
 */
@Component
public class SmsJobs {

    /** Every 5 s: JobRunr's minimum, its poll interval. */
    static final String INTERVAL = "PT5S";

    private final SmsDispatcher dispatcher;
    private final Reminders reminders;
    private final Clock clock;

    SmsJobs(SmsDispatcher dispatcher, Reminders reminders, Clock clock) {
        this.dispatcher = dispatcher;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Recurring(id = "sms-dispatch", interval = INTERVAL)
    @Job(name = "Send due SMS", retries = 0)
    public void dispatch() {
        dispatcher.drain();
    }

    /** Scans for due reminders and, when it added some, sends at once instead of waiting for the next dispatch. */
    @Recurring(id = "sms-reminders", interval = INTERVAL)
    @Job(name = "Put due reminders in the SMS outbox", retries = 0)
    public void reminders() {
        if (reminders.scan(clock.instant()) > 0) {
            dispatcher.drain();
        }
    }
}
