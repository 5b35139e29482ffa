import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatSrpTimestamp } from '../../../src/srp/timestamp.js';
import { DateHelper } from '../../support/cognito-oracle.js';
import { randomInt, seededRandom } from '../../support/seeded-random.js';
import { loadSrpVector } from '../../support/srp-vector.js';

const awsTimestamp = (date: Date): string => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(date);
  try {
    return new DateHelper().getNowString();
  } finally {
    vi.useRealTimers();
  }
};

describe('formatSrpTimestamp', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('formats the golden vector instant as its TIMESTAMP', () => {
    expect(formatSrpTimestamp(new Date('2026-03-03T09:04:05Z'))).toBe(loadSrpVector().TIMESTAMP);
    expect(loadSrpVector().TIMESTAMP).toBe('Tue Mar 3 09:04:05 UTC 2026');
  });

  it('does not pad the day but pads hours, minutes and seconds', () => {
    expect(formatSrpTimestamp(new Date('2026-01-05T00:00:00Z'))).toBe('Mon Jan 5 00:00:00 UTC 2026');
    expect(formatSrpTimestamp(new Date('2026-01-15T01:02:03Z'))).toBe('Thu Jan 15 01:02:03 UTC 2026');
    expect(formatSrpTimestamp(new Date('2026-12-31T23:59:59.999Z'))).toBe('Thu Dec 31 23:59:59 UTC 2026');
  });

  it('uses UTC, not the local time zone of the date', () => {
    expect(formatSrpTimestamp(new Date('2026-03-03T23:30:00-05:00'))).toBe('Wed Mar 4 04:30:00 UTC 2026');
    expect(formatSrpTimestamp(new Date('2026-03-04T00:30:00+09:00'))).toBe('Tue Mar 3 15:30:00 UTC 2026');
  });

  it('names every month and weekday in English', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    months.forEach((month, index) => {
      const date = new Date(Date.UTC(2025, index, 1, 12));
      expect(formatSrpTimestamp(date).split(' ')[1]).toBe(month);
    });
    const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    // 2026-03-01 is a Sunday.
    weekdays.forEach((weekday, index) => {
      expect(formatSrpTimestamp(new Date(Date.UTC(2026, 2, 1 + index))).split(' ')[0]).toBe(weekday);
    });
  });

  it('matches amazon-cognito-identity-js on every day of a leap year, at varied times', () => {
    for (let day = 0; day < 366; day++) {
      const date = new Date(Date.UTC(2024, 0, 1 + day, day % 24, (day * 7) % 60, (day * 13) % 60));
      expect(formatSrpTimestamp(date)).toBe(awsTimestamp(date));
    }
  });

  it('matches amazon-cognito-identity-js on 500 random instants between 1970 and 2200', () => {
    const random = seededRandom('timestamps');
    const end = Date.UTC(2200, 0, 1);
    for (let i = 0; i < 500; i++) {
      const date = new Date(randomInt(random, end));
      expect(formatSrpTimestamp(date)).toBe(awsTimestamp(date));
    }
  });

  it('throws a RangeError for an invalid Date', () => {
    expect(() => formatSrpTimestamp(new Date(Number.NaN))).toThrow(RangeError);
  });
});
