package app.rota.notifier.directory;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Directory reads kept for the batch of events the notifier's processor is handling (the root unit of work of
 * the batch, so they die with it, committed or rolled back), one kind of row each: a batch of assignments in one
 * group reads the group, the shift type's name and each member once instead of once per SMS. A write of a kind
 * forgets that kind's reads, so a later event of the batch reads what the batch wrote. Outside a unit of work
 * (reminder scans, replies, the log) every read goes to the database.
 */
enum BatchReads {
    GROUPS, MEMBERS, SHIFT_TYPE_NAMES, EPOCH;

    private final String resource = BatchReads.class.getName() + "." + name();

    @SuppressWarnings("unchecked")
    <K, V> V read(K key, Supplier<V> load) {
        if (!CurrentUnitOfWork.isStarted()) {
            return load.get();
        }
        Map<K, V> reads = CurrentUnitOfWork.get().root().getOrComputeResource(resource, r -> new HashMap<K, V>());
        V value = reads.get(key);
        if (value == null) {
            value = load.get();
            reads.put(key, value);
        }
        return value;
    }

    void forget() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().remove(resource);
        }
    }
}
