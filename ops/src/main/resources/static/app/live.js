// One live stream per chosen group, shared by whatever is on screen (the calendar, the on-call banner).
import { listen } from './stream.js';

const subscribers = new Set();
const resyncs = new Set();
let stateListener = () => {};
let stream = null;
let streamState = 'stopped';

export function start(groupId) {
  stop();
  stream = listen(groupId, {
    onSlot: slot => subscribers.forEach(subscriber => subscriber(slot)),
    onResync: () => resyncs.forEach(resync => resync()),
    onState: value => {
      streamState = value;
      stateListener(value);
    },
  });
}

export function stop() {
  if (stream) stream.close();
  stream = null;
}

/**
 * Calls {@code onSlot(slot)} for every change, and {@code onResync()} when changes may have been missed, until the
 * returned function is called.
 */
export function subscribe(onSlot, onResync = () => {}) {
  subscribers.add(onSlot);
  resyncs.add(onResync);
  return () => {
    subscribers.delete(onSlot);
    resyncs.delete(onResync);
  };
}

/** Shows the stream's state ('live', 'reconnecting', 'stopped'); the shell on screen is the one listener. */
export function onState(listener) {
  stateListener = listener;
  listener(streamState);
}
