import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWeeks,
  dayToMs,
  daysBetween,
  isDay,
  isoWeek,
  isWeek,
  monthDays,
  recentDays,
  utcDay,
  weekDays,
} from '@/lib/core/dates';

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

describe('weeks and months: what the Week and Month views cover', () => {
  it.each([
    ['2026-11-25', '2026-W48', 'a Wednesday mid-year'],
    ['2026-11-23', '2026-W48', 'the Monday that starts the week'],
    ['2026-11-29', '2026-W48', 'the Sunday that ends the week'],
    ['2026-11-30', '2026-W49', 'the next Monday'],
    ['2026-01-01', '2026-W01', 'a New Year on Thursday, in week 1'],
    ['2025-12-29', '2026-W01', "late December already in next year's week 1"],
    ['2026-12-31', '2026-W53', 'the last day of a 53-week year'],
    ['2027-01-01', '2026-W53', "New Year's Day still in the old year's week 53"],
    ['2027-01-03', '2026-W53', 'the Sunday ending that week 53'],
    ['2027-01-04', '2027-W01', "the Monday starting the new year's week 1"],
    ['2021-01-03', '2020-W53', 'a Sunday in the week 53 of leap year 2020'],
    ['2024-02-29', '2024-W09', 'a leap day'],
    ['2024-12-30', '2025-W01', "a Monday in December that opens next year's week 1"],
  ])('isoWeek(%s) is %s (%s)', (day, week) => {
    expect(isoWeek(day)).toBe(week);
  });

  it('gives every week Monday to Sunday, across month and year ends', () => {
    expect(weekDays('2026-W48')).toEqual(['2026-11-23', '2026-11-29']);
    expect(weekDays('2026-W01')).toEqual(['2025-12-29', '2026-01-04']);
    expect(weekDays('2026-W53')).toEqual(['2026-12-28', '2027-01-03']);
    expect(weekDays('2020-W53')).toEqual(['2020-12-28', '2021-01-03']);
    expect(weekDays('2024-W09')).toEqual(['2024-02-26', '2024-03-03']);
  });

  it('puts each day of a week back in that week', () => {
    for (const week of ['2026-W01', '2026-W48', '2026-W53', '2020-W53', '2024-W09', '2027-W01']) {
      const [first, last] = weekDays(week);
      expect(daysBetween(first, last)).toBe(6);
      for (let d = first; d <= last; d = addDays(d, 1)) expect(isoWeek(d)).toBe(week);
    }
  });

  it('gives each month its first and last day, leap Februaries included', () => {
    expect(monthDays('2026-11')).toEqual(['2026-11-01', '2026-11-30']);
    expect(monthDays('2026-12')).toEqual(['2026-12-01', '2026-12-31']);
    expect(monthDays('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(monthDays('2025-02')).toEqual(['2025-02-01', '2025-02-28']);
    expect(monthDays('2100-02')).toEqual(['2100-02-01', '2100-02-28']);
    expect(monthDays('2000-02')).toEqual(['2000-02-01', '2000-02-29']);
  });

  it('steps weeks forward and back, through week 53 and the new year', () => {
    expect(addWeeks('2026-W48', 1)).toBe('2026-W49');
    expect(addWeeks('2026-W48', -1)).toBe('2026-W47');
    expect(addWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -1)).toBe('2026-W53');
    expect(addWeeks('2025-W52', 1)).toBe('2026-W01');
    expect(addWeeks('2026-W01', -1)).toBe('2025-W52');
    expect(addWeeks('2026-W10', 0)).toBe('2026-W10');
    expect(addWeeks('2026-W01', 52)).toBe('2026-W53');
  });

  it('steps months forward and back, across years', () => {
    expect(addMonths('2026-11', 1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-03', -1)).toBe('2026-02');
    expect(addMonths('2026-05', -17)).toBe('2024-12');
    expect(addMonths('2026-05', 0)).toBe('2026-05');
  });
});

describe('isWeek: which week= values name a real week', () => {
  it.each(['2026-W01', '2026-W48', '2026-W53', '2020-W53', '2015-W53'])('accepts %s', (week) => {
    expect(isWeek(week)).toBe(true);
  });

  it.each([
    ['2025-W53', 'week 53 of a 52-week year'],
    ['2027-W53', 'week 53 of the year after a 53-week year'],
    ['2026-W00', 'week 0'],
    ['2026-W54', 'week 54'],
    ['2026-W99', 'week 99'],
    ['2026-W1', 'missing zero padding'],
    ['2026-48', 'no W'],
    ['2026-w48', 'a lower-case w'],
    ['2026-W48 ', 'a trailing space'],
    ['', 'an empty string'],
  ])('rejects %j (%s)', (week) => {
    expect(isWeek(week)).toBe(false);
  });
});
