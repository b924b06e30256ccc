package app.rota.kernel.schedule;

/**
 * A slot's version, the same on both sides: the number of events in the slot's own stream, that is
 * the Axon sequence number of its last event plus one, and 0 for a slot never edited. Clients send it
 * back as {@code expectedVersion}.
 */
public final class SlotVersion {

    public static final long NEVER_EDITED = 0;

    private SlotVersion() {
    }

    /** The version of a slot whose latest event has the aggregate sequence number {@code sequenceNumber}. */
    public static long afterEvent(long sequenceNumber) {
        return sequenceNumber + 1;
    }
}
