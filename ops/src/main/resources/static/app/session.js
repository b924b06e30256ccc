// Where the login token lives: in this tab's sessionStorage, never in a cookie or localStorage. It survives a
// reload, is not shared with other tabs and is gone when the tab closes. It is dropped at its expiresAt (the
// server's token lifetime, 12 h by default), on a 401 from the API, and on "Log out".

const KEY = 'rota.session';
const listeners = new Set();
let expiryTimer;

function read() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY));
    if (stored && stored.token && Date.parse(stored.expiresAt) > Date.now()) return stored;
  } catch (ignored) {
    // a damaged entry is a logged-out session
  }
  sessionStorage.removeItem(KEY);
  return null;
}

function scheduleExpiry() {
  clearTimeout(expiryTimer);
  const stored = read();
  if (stored) {
    // setTimeout holds at most ~24.8 days; a token lives hours
    expiryTimer = setTimeout(() => end('Your login expired: log in again.'),
      Math.min(Date.parse(stored.expiresAt) - Date.now(), 2 ** 31 - 1));
  }
}

function notify(reason) {
  scheduleExpiry();
  const stored = read();
  listeners.forEach(listener => listener(stored, reason));
}

export function current() {
  return read();
}

export function token() {
  const stored = read();
  return stored ? stored.token : null;
}

export function start(username, token, expiresAt) {
  sessionStorage.setItem(KEY, JSON.stringify({ username, token, expiresAt }));
  notify(null);
}

/** Ends the session; {@code reason} is shown on the login screen. */
export function end(reason) {
  sessionStorage.removeItem(KEY);
  notify(reason);
}

/** Calls {@code listener(session, reason)} on every log-in and log-out. */
export function onChange(listener) {
  listeners.add(listener);
  scheduleExpiry();
}
