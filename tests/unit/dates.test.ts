import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayToMs, daysBetween, isDay, recentDays, utcDay } from '@/lib/dates';

// Run in a zone with daylight saving and a large UTC offset, so code that slipped into local time would fail here.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

it('runs in a non-UTC zone (guards the checks below)', () => {
  expect(new Date(Date.parse('2025-03-04T12:00:00Z')).getTimezoneOffset()).toBe(300);
});

describe('utcDay: which Daily Papers day "today" is', () => {
  it('is the UTC date, whatever the local time zone', () => {
    expect(utcDay(Date.parse('2025-03-04T00:00:00.000Z'))).toBe('2025-03-04');
    expect(utcDay(Date.parse('2025-03-04T23:59:59.999Z'))).toBe('2025-03-04');
    expect(utcDay(Date.parse('2025-03-05T00:00:00.000Z'))).toBe('2025-03-05');
    // 23:30 in New York on the 4th is already the 5th in UTC.
    expect(utcDay(Date.parse('2025-03-04T23:30:00-05:00'))).toBe('2025-03-05');
  });

  it('turns over at the new year', () => {
    expect(utcDay(Date.parse('2024-12-31T23:59:59.999Z'))).toBe('2024-12-31');
    expect(utcDay(Date.parse('2025-01-01T00:00:00.000Z'))).toBe('2025-01-01');
  });
});

describe('isDay: which date= values are real days', () => {
  it.each(['2025-03-04', '2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01'])('accepts %s', (day) => {
    expect(isDay(day)).toBe(true);
  });

  it.each([
    ['2025-13-40', 'month and day out of range'],
    ['2025-02-30', 'February 30th'],
    ['2025-02-29', 'a leap day in a common year'],
    ['1900-02-29', 'a leap day in a century common year'],
    ['2025-04-31', 'April 31st'],
    ['2025-00-10', 'month 0'],
    ['2025-01-00', 'day 0'],
    ['2025-3-4', 'missing zero padding'],
    ['25-03-04', 'a two-digit year'],
    ['2025/03/04', 'slashes'],
    ['2025-03-04T00:00:00Z', 'a timestamp'],
    [' 2025-03-04', 'leading space'],
    ['2025-03-04\n', 'a trailing newline'],
    ['', 'an empty string'],
    ['yesterday', 'a word'],
  ])('rejects %j (%s)', (value) => {
    expect(isDay(value)).toBe(false);
  });
});

describe('addDays: moving through days', () => {
  it('moves forward and back within a month', () => {
    expect(addDays('2025-03-04', 1)).toBe('2025-03-05');
    expect(addDays('2025-03-04', -1)).toBe('2025-03-03');
    expect(addDays('2025-03-04', 0)).toBe('2025-03-04');
  });

  it('crosses month ends', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-04-30', 1)).toBe('2025-05-01');
  });

  it('crosses year ends both ways', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-12-25', 10)).toBe('2026-01-04');
  });

  it('includes the leap day in leap years only', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
  });

  it('is not thrown off by daylight-saving changes', () => {
    // Europe and the US change clocks in late March / early November.
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-11-03', -2)).toBe('2025-11-01');
  });

  it('moves by many days at once', () => {
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -365)).toBe('2024-01-02');
  });
});

describe('daysBetween and dayToMs', () => {
  it('counts whole days between two days, negative when going back', () => {
    expect(daysBetween('2025-03-04', '2025-03-04')).toBe(0);
    expect(daysBetween('2025-02-27', '2025-03-02')).toBe(3);
    expect(daysBetween('2024-02-27', '2024-03-02')).toBe(4);
    expect(daysBetween('2025-03-04', '2025-03-01')).toBe(-3);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
  });

  it('places a day at its UTC midnight', () => {
    expect(dayToMs('2025-03-04')).toBe(Date.UTC(2025, 2, 4));
    expect(utcDay(dayToMs('2025-03-04'))).toBe('2025-03-04');
  });
});

describe('recentDays: the days the feed shows', () => {
  it('lists the days ending at the given one, newest first', () => {
    expect(recentDays('2025-03-04', 3)).toEqual(['2025-03-04', '2025-03-03', '2025-03-02']);
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(recentDays('2024-03-01', 3)).toEqual(['2024-03-01', '2024-02-29', '2024-02-28']);
    expect(recentDays('2025-01-02', 4)).toEqual(['2025-01-02', '2025-01-01', '2024-12-31', '2024-12-30']);
  });

  it('lists exactly the number of days asked for, each once', () => {
    const days = recentDays('2025-03-04', 30);
    expect(days).toHaveLength(30);
    expect(new Set(days).size).toBe(30);
    expect(days.at(-1)).toBe('2025-02-03');
    expect(days.every(isDay)).toBe(true);
  });

  it('lists one day or none when asked for so few', () => {
    expect(recentDays('2025-03-04', 1)).toEqual(['2025-03-04']);
    expect(recentDays('2025-03-04', 0)).toEqual([]);
  });
});
