import { format } from 'date-fns/format';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  dayRange,
  daysBetween,
  formatDay,
  fromDayNumber,
  isDay,
  longDay,
  mondayOf,
  weekdayOf,
} from '../src/timeline/day.js';

describe('calendar days', () => {
  it('numbers every day from 1583 to 2600 as JavaScript dates do, and back', () => {
    const first = Date.UTC(1583, 0, 1) / 86_400_000;
    const last = Date.UTC(2600, 11, 31) / 86_400_000;
    for (let n = first; n <= last; n++) {
      const day = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (dayNumber(day) !== n || fromDayNumber(n) !== day) {
        expect({ day, number: dayNumber(day), back: fromDayNumber(n) }).toEqual({
          day,
          number: n,
          back: day,
        });
      }
      const weekday = new Date(n * 86_400_000).getUTCDay();
      if (weekdayOf(day) !== weekday) expect({ day, weekday: weekdayOf(day) }).toEqual({ day, weekday });
    }
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
  });

  it('keeps years 0000 to 0099 as they are', () => {
    const date = new Date(0);
    date.setUTCFullYear(50, 2, 1);
    expect(dayNumber('0050-03-01')).toBe(date.getTime() / 86_400_000);
    expect(fromDayNumber(dayNumber('0050-03-01'))).toBe('0050-03-01');
    expect(addDays('0001-01-01', -1)).toBe('0000-12-31');
    expect(addDays('9999-12-31', -365)).toBe('9998-12-31');
  });

  it.each([
    ['2014-10-16', true],
    ['2016-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2014-02-29', false],
    ['2014-02-30', false],
    ['2014-04-31', false],
    ['2014-13-01', false],
    ['2014-00-10', false],
    ['2014-10-00', false],
    ['2014-1-6', false],
    ['20141016', false],
    ['2014-10-16T00:00', false],
    [' 2014-10-16', false],
    ['yesterday', false],
  ])('isDay(%s) is %s', (text, expected) => {
    expect(isDay(text)).toBe(expected);
  });

  it('counts the day before, of and after', () => {
    expect(daysBetween('2014-10-15', '2014-10-16')).toBe(1);
    expect(daysBetween('2014-10-16', '2014-10-16')).toBe(0);
    expect(daysBetween('2014-10-17', '2014-10-16')).toBe(-1);
  });

  it('crosses year ends, leap days and DST changes', () => {
    expect(addDays('2014-12-31', 1)).toBe('2015-01-01');
    expect(addDays('2015-01-01', -1)).toBe('2014-12-31');
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2015-02-28', 1)).toBe('2015-03-01');
    expect(daysBetween('2016-02-01', '2016-03-01')).toBe(29);
    expect(daysBetween('2014-01-01', '2015-01-01')).toBe(365);
    // São Paulo: 2014-10-19 00:00 did not exist; calendar days do not care.
    expect(addDays('2014-10-18', 1)).toBe('2014-10-19');
    expect(daysBetween('2014-10-18', '2014-10-20')).toBe(2);
    expect(daysBetween('2014-09-21', '2014-10-16')).toBe(25);
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf('2014-10-16')).toBe('2014-10-13');
    expect(mondayOf('2014-10-13')).toBe('2014-10-13');
    expect(mondayOf('2014-10-19')).toBe('2014-10-13');
    expect(mondayOf('2015-01-01')).toBe('2014-12-29');
  });

  it('formats days and ranges', () => {
    expect(longDay('2014-10-16')).toBe('Thu 16 Oct 2014');
    expect(dayRange('2014-10-16', '2014-10-16')).toBe('Thu 16 Oct 2014');
    expect(dayRange('2014-11-03', '2014-11-07')).toBe('Mon 3 – Fri 7 Nov 2014');
    expect(dayRange('2014-09-25', '2014-10-15')).toBe('Thu 25 Sep – Wed 15 Oct 2014');
    expect(dayRange('2014-12-29', '2015-01-02')).toBe('Mon 29 Dec 2014 – Fri 2 Jan 2015');
  });
});

describe('formatting a day', () => {
  // Midnight does not exist on some days in some zones (São Paulo's 2014-10-19, Havana's 2014-03-09, Tehran's
  // 2014-03-22): the fields must still be that day's.
  const ZONES = [
    'UTC',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'America/Sao_Paulo',
    'America/Havana',
    'Asia/Tehran',
  ];
  const DAYS = [
    '2014-10-19',
    '2014-03-09',
    '2014-03-22',
    '2014-01-01',
    '2014-12-31',
    '0999-06-15',
    '1900-02-28',
  ];

  it.each(ZONES)('gives every day its own fields in %s', (zone) => {
    const saved = process.env.TZ;
    process.env.TZ = zone;
    try {
      for (const day of DAYS) {
        expect(formatDay(day, 'yyyy-MM-dd')).toBe(day);
        expect(formatDay(day, 'i')).toBe(String(weekdayOf(day) || 7));
      }
      expect(formatDay('2014-10-16', 'EEE d MMM yyyy')).toBe('Thu 16 Oct 2014');
      expect(formatDay('2014-12-29', "RRRR-'W'II")).toBe('2015-W01');
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('the schedule patterns written without date-fns', () => {
  const reference = (day: string, pattern: string) => {
    const date = new Date(2000, 0, 1, 12);
    date.setFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
    return format(date, pattern);
  };

  it('match date-fns for any day', () => {
    const day = fc
      .integer({ min: dayNumber('0000-01-01'), max: dayNumber('9999-12-31') })
      .map((n) => fromDayNumber(n));
    const pattern = fc.constantFrom('EEE d MMM yyyy', 'EEE d MMM', 'EEE d', 'd MMM yyyy', 'MMM yyyy', 'EEE');
    fc.assert(
      fc.property(day, pattern, (d, p) => {
        expect(formatDay(d, p)).toBe(reference(d, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('leave every other pattern to date-fns', () => {
    expect(formatDay('2014-10-16', 'EEEE d MMMM yyyy')).toBe('Thursday 16 October 2014');
    expect(formatDay('2014-10-16', 'dd/MM/yyyy')).toBe('16/10/2014');
    expect(formatDay('2014-10-16', 'EEE  d')).toBe('Thu  16');
    expect(formatDay('2014-10-16', "d 'MMM'")).toBe('16 MMM');
    // date-fns counts year 0 as 1 BC.
    expect(formatDay('0000-03-01', 'EEE d MMM yyyy')).toBe('Wed 1 Mar 0001');
  });
});
