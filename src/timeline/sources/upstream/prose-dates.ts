// Days named in prose: "November 16, 2023", "by 7 December, 2023", "Nov 16", "2023-11-16", "March 4-8".
import { type Day, isDay } from '../../day.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';
const MONTH_FIRST = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})${ORDINAL}(?:\\s*(?:-|–|to|and)\\s*(\\d{1,2})${ORDINAL}\\b)?(?:,?\\s+(\\d{4}))?\\b`,
  'gi',
);
const DAY_FIRST = new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?\\b`, 'gi');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

function toDay(year: number, month: number, day: number): Day | null {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isDay(text) ? text : null;
}

/**
 * The days named in `text` that fall within `start`–`end`. A day without a year takes the year that puts it in
 * the span. A range ("March 4-8") names both ends.
 */
export function daysNamedIn(text: string, start: Day, end: Day): Day[] {
  const years = [...new Set([Number(start.slice(0, 4)), Number(end.slice(0, 4))])];
  const found = new Set<Day>();
  const add = (year: string | undefined, month: number, day: number) => {
    for (const y of year ? [Number(year)] : years) {
      const candidate = toDay(y, month, day);
      if (candidate && candidate >= start && candidate <= end) found.add(candidate);
    }
  };
  for (const m of text.matchAll(MONTH_FIRST)) {
    const month = monthNumber(m[1] as string);
    add(m[4], month, Number(m[2]));
    if (m[3]) add(m[4], month, Number(m[3]));
  }
  for (const m of text.matchAll(DAY_FIRST)) add(m[3], monthNumber(m[2] as string), Number(m[1]));
  for (const m of text.matchAll(ISO)) add(m[1], Number(m[2]), Number(m[3]));
  return [...found].sort();
}
