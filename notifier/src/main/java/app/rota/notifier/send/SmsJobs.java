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

    /**
     * Only scans: sending is {@code sms-dispatch}'s, so a long wave never holds up the next scan (a run that is
     * still busy makes JobRunr skip the following ones).
     */
    @Recurring(id = "sms-reminders", interval = INTERVAL)
    @Job(name = "Put due reminders in the SMS outbox", retries = 0)
    public void reminders() {
        reminders.scan(clock.instant());
    }
}
