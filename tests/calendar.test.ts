import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeStyle } from '../src/cli/color.js';
import { calendarRenderers } from '../src/render/calendar.js';
import { plainStyle } from '../src/render/style.js';
import { addMonths, calendarView, monthWeeks } from '../src/render/views/calendar.js';
import { parseTimeline } from '../src/timeline/parse.js';
import { makeTimeline, ROOT } from './helpers.js';

const juno = (() => {
  const result = parseTimeline(JSON.parse(readFileSync(`${ROOT}data/juno.json`, 'utf8')));
  if (!result.ok) throw new Error('bundled timeline invalid');
  return result.timeline;
})();

const renderCalendar = calendarRenderers.text;
const render = (first: string, count: number, today: string, style = plainStyle) =>
  renderCalendar(calendarView(juno, today, first, count), { style, width: 80 });

describe('calendar', () => {
  it('draws September 2014 with the freezes marked and today bracketed', async () => {
    const text = render('2014-09', 1, '2014-09-21');
    await expect(text).toMatchFileSnapshot('__snapshots__/calendar-2014-09.txt');
    expect(text).toContain(' 4* ');
    expect(text).toContain('[21]');
    expect(text).toContain(' 26+');
  });

  it('stacks months and keeps every line within 80 columns', () => {
    const text = render('2014-04', 9, '2014-09-21');
    for (const month of ['April 2014', 'September 2014', 'November 2014']) expect(text).toContain(month);
    expect(text.split('\n').filter((l) => [...l].length > 80)).toEqual([]);
    expect(text).toContain('No events this month.'); // December 2014
  });

  it('brackets today even on an event day, and shades multi-day events in colour', async () => {
    const plain = render('2014-09', 1, '2014-09-25');
    expect(plain).toContain('[25*]');
    const coloured = render('2014-09', 1, '2014-09-21', await makeStyle(true));
    expect(coloured).toContain('\u001b[7m26+\u001b[27m');
    expect(coloured).not.toBe(render('2014-09', 1, '2014-09-21'));
  });

  it('shortens names that would not fit', () => {
    const long = makeTimeline({
      events: [{ id: 'a', name: 'A'.repeat(200), kind: 'milestone', start: '2014-09-04' }],
    });
    const view = calendarView(long, '2014-09-01', '2014-09', 1);
    const text = renderCalendar(view, { style: plainStyle, width: 80 });
    expect(text).toContain('A…');
    expect(text.split('\n').every((l) => [...l].length <= 80)).toBe(true);
    // Not a terminal: 80 columns. A narrower terminal shortens the names further; a wider one does not widen them.
    expect(renderCalendar(view, { style: plainStyle, width: null })).toBe(text);
    expect(renderCalendar(view, { style: plainStyle, width: 200 })).toBe(text);
    const narrow = renderCalendar(view, { style: plainStyle, width: 50 });
    const legend = narrow.split('\n').find((l) => l.includes('A…')) as string;
    expect([...legend]).toHaveLength(50);
  });

  it('starts grid rows on Monday and counts months', () => {
    expect(monthWeeks('2014-09')).toEqual([
      '2014-09-01',
      '2014-09-08',
      '2014-09-15',
      '2014-09-22',
      '2014-09-29',
    ]);
    expect(monthWeeks('2014-06')[0]).toBe('2014-05-26');
    expect(monthWeeks('2010-02')).toHaveLength(4);
    expect(monthWeeks('2015-02')).toHaveLength(5);
    expect(addMonths('2014-11', 3)).toBe('2015-02');
    expect(addMonths('2014-01', 0)).toBe('2014-01');
  });
});
