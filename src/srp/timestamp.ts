const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * Cognito's SRP `TIMESTAMP`: `EEE MMM d HH:mm:ss UTC yyyy` in UTC, English names, the day of the
 * month not padded (hours, minutes and seconds are). The same string must be signed and sent.
 *
 * @throws RangeError for an invalid `Date` (a broken clock is a programming error).
 * @example
 * ```ts
 * formatSrpTimestamp(new Date('2026-03-03T09:04:05Z')); // 'Tue Mar 3 09:04:05 UTC 2026'
 * ```
 */
export function formatSrpTimestamp(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError('formatSrpTimestamp needs a valid Date');
  const day = DAYS[date.getUTCDay()] ?? '';
  const month = MONTHS[date.getUTCMonth()] ?? '';
  const hms = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day} ${month} ${date.getUTCDate()} ${hms} UTC ${date.getUTCFullYear()}`;
}
