// Dates and times in the group's time zone. The API gives group-local dates ('2027-03-14') and instants with
// the group's offset ('2027-03-14T08:00:00-05:00'), so wall-clock times are read straight from them; other
// instants are shown in the group's zone with Intl.

const DAY = 86400000;
const offsetFormats = new Map();

/** 'YYYY-MM-DD' of a UTC-midnight Date. */
function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

function utcDate(iso) {
  return new Date(`${iso}T00:00:00Z`);
}

export function addDays(iso, days) {
  return isoDate(new Date(utcDate(iso).getTime() + days * DAY));
}

export function weekday(iso) {
  return utcDate(iso).getUTCDay(); // 0 Sunday … 6 Saturday
}

/** Every date of a month 'YYYY-MM'. */
export function monthDates(month) {
  const [year, index] = month.split('-').map(Number);
  const count = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => isoDate(new Date(Date.UTC(year, index - 1, i + 1))));
}

export function addMonths(month, count) {
  const [year, index] = month.split('-').map(Number);
  return isoDate(new Date(Date.UTC(year, index - 1 + count, 1))).slice(0, 7);
}

export function monthTitle(month) {
  return new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utcDate(`${month}-01`));
}

/** 'Sat 13 Mar' (with the year when asked). */
export function dayLabel(iso, withYear = false) {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short', day: 'numeric', month: 'short', year: withYear ? 'numeric' : undefined, timeZone: 'UTC',
  }).format(utcDate(iso));
}

/** The wall-clock time of an instant the API wrote with the group's offset. */
export function wallTime(isoInstant) {
  return isoInstant.slice(11, 16);
}

export function wallDate(isoInstant) {
  return isoInstant.slice(0, 10);
}

/** Today's date in a zone. */
export function today(zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
}

/** Minutes east of UTC in a zone at an instant (epoch milliseconds). */
export function offsetMinutes(epochMillis, zone) {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(new Date(epochMillis)).find(part => part.type === 'timeZoneName').value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** The instant (epoch ms) of a wall-clock date and time ('HH:MM' or 'HH:MM:SS') in a zone. */
export function wallToEpoch(isoDateValue, time, zone) {
  const wall = Date.parse(`${isoDateValue}T${time.length === 5 ? `${time}:00` : time}Z`);
  let guess = wall - offsetMinutes(wall, zone) * 60000;
  guess = wall - offsetMinutes(guess, zone) * 60000;
  return guess;
}

/** An ISO instant with the zone's offset for a wall-clock date and time, as the API takes it. */
export function wallToInstant(isoDateValue, time, zone) {
  return new Date(wallToEpoch(isoDateValue, time, zone)).toISOString();
}

/**
 * How the day's length differs from 24 h in a zone, in minutes: -60 on a spring-forward day, +60 on a
 * fall-back day, 0 on most days.
 */
export function dayLengthChange(iso, zone) {
  const start = wallToEpoch(iso, '00:00', zone);
  const end = wallToEpoch(addDays(iso, 1), '00:00', zone);
  return Math.round((end - start) / 60000) - 24 * 60;
}

/** An instant shown in a zone: '2027-03-14 08:05'. */
export function instantLabel(isoInstant, zone) {
  if (!isoInstant) return '';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(isoInstant)).map(part => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The wall-clock date and time now in a zone, for pickers: ['2027-03-14', '08:05']. */
export function nowInZone(zone) {
  const label = instantLabel(new Date().toISOString(), zone);
  return label.split(' ');
}

/** 'Sat 13 Mar 08:00 → Sun 14 Mar 08:00', the slot's real local times. */
export function slotSpan(slot) {
  const startDate = wallDate(slot.start);
  const endDate = wallDate(slot.end);
  const end = endDate === startDate ? wallTime(slot.end) : `${dayLabel(endDate)} ${wallTime(slot.end)}`;
  return `${dayLabel(startDate)} ${wallTime(slot.start)} → ${end}`;
}

export function hours(value) {
  return `${Number.isInteger(value) ? value : value.toFixed(1)} h`;
}
