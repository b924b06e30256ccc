package app.rota.kernel.swap;

import app.rota.kernel.group.GroupId;

/** Every event that ends a swap, whatever the outcome: its slots are free again and its process is over. */
public interface SwapEndedEvent {

    SwapId swapId();

    GroupId groupId();

    /** How it ended: one of the statuses that are not pending. */
    SwapStatus outcome();
}
