// The live calendar over server-sent events, read with fetch() rather than EventSource: EventSource cannot send
// an Authorization header, and putting the token in the URL would leave it in access logs and history. This
// parses text/event-stream as the HTML standard describes (id, event, data, comments, blank line ends an
// event), and reconnects with Last-Event-ID so that no change is lost or repeated (the server resumes after it).
import * as session from './session.js';

const MAX_BACKOFF_MS = 30000;
/** A stream that ends sooner than this did not prove the way healthy (e.g. a proxy that closes it at once). */
const SHORT_STREAM_MS = 5000;

/** Splits a text/event-stream into events; feed it chunks of text. */
export class EventStreamParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.id = null;
    this.name = 'message';
    this.data = [];
  }

  push(text) {
    this.buffer += text;
    let end;
    while ((end = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, end);
      const breakLength = this.buffer.startsWith('\r\n', end) ? 2 : 1;
      if (this.buffer[end] === '\r' && end + 1 === this.buffer.length) break; // a CR that may be half of CRLF
      this.buffer = this.buffer.slice(end + breakLength);
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.data.length) this.onEvent({ id: this.id, event: this.name, data: this.data.join('\n') });
      this.reset();
      return;
    }
    if (line.startsWith(':')) return; // a heartbeat comment
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') this.data.push(value);
    else if (name === 'event') this.name = value;
    else if (name === 'id' && !value.includes('\0')) this.id = value;
  }
}

/**
 * Listens to a group's slot changes until closed. {@code onSlot(slot)} gets each changed slot;
 * {@code onState('live' | 'reconnecting' | 'stopped')} tells whether it is connected; {@code onResync()} is
 * called when a later connection cannot resume where the last one stopped (no event had come yet, so there
 * is no Last-Event-ID): whoever shows slots reads them again.
 */
export function listen(groupId, { onSlot, onState, onResync }) {
  const controller = new AbortController();
  let lastEventId = null;
  let backoff = 1000;
  let closed = false;
  let connections = 0;

  async function connectOnce() {
    const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${session.token()}` };
    if (lastEventId) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch(`/api/v1/groups/${groupId}/calendar/stream`,
      { headers, signal: controller.signal, cache: 'no-store' });
    if (response.status === 401) {
      session.end('Log in again.');
      return false;
    }
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    onState('live');
    if (connections++ > 0 && !lastEventId) onResync();
    const parser = new EventStreamParser(event => {
      if (event.id) lastEventId = event.id;
      if (event.event === 'slot') onSlot(JSON.parse(event.data));
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true; // the server ends a stream after a while
      parser.push(value);
    }
  }

  // A stream that lasted reconnects at once when it ends (the server ends one every 30 min) and after a failure waits
  // 1 s; one that ended or failed sooner than SHORT_STREAM_MS waits longer each time, up to MAX_BACKOFF_MS, so a
  // proxy that closes streams at once does not make a tight loop of requests.
  (async () => {
    while (!closed && session.token()) {
      const started = Date.now();
      let endedCleanly = false;
      try {
        if (!(await connectOnce())) break;
        endedCleanly = true;
      } catch (error) {
        // a failure: wait below, like a stream that ended at once
      }
      if (closed) break;
      const lasted = Date.now() - started >= SHORT_STREAM_MS;
      if (lasted) backoff = 1000;
      if (lasted && endedCleanly) continue;
      onState('reconnecting');
      await new Promise(resolve => setTimeout(resolve, backoff));
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
    onState('stopped');
  })();

  return {
    close() {
      closed = true;
      controller.abort();
    },
  };
}
