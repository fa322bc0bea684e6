// The seam between views and output: every format of every command is a renderer `(view, { style, width })` in
// its command's registry, and JSON writes the view's contract, never the extras the text formats read.
import { describe, expect, it } from 'vitest';
import { makeStyle } from '../src/cli/color.js';
import { loadSeriesList, loadTimeline } from '../src/cli/load.js';
import { calendarRenderers } from '../src/render/calendar.js';
import { checkRenderers } from '../src/render/check.js';
import { countdownRenderers } from '../src/render/countdown.js';
import { exportRenderers } from '../src/render/export.js';
import {
  CHECK_FORMATS,
  EXPORT_FORMATS,
  SCHEDULE_FORMATS,
  SERIES_FORMATS,
  TEXT_OR_JSON,
  VALIDATE_FORMATS,
  WEEKS_FORMATS,
} from '../src/render/formats.js';
import { infoRenderers } from '../src/render/info.js';
import { nextRenderers } from '../src/render/next.js';
import { phaseRenderers } from '../src/render/phase.js';
import type { Output, Render, RenderOptions } from '../src/render/render.js';
import { scheduleRenderers } from '../src/render/schedule.js';
import { seriesRenderers } from '../src/render/series.js';
import { plainStyle } from '../src/render/style.js';
import { validateRenderers } from '../src/render/validate.js';
import { calendarView } from '../src/render/views/calendar.js';
import { checkView } from '../src/render/views/check.js';
import { countdownView } from '../src/render/views/countdown.js';
import { exportSelection, exportView } from '../src/render/views/export.js';
import { infoView } from '../src/render/views/info.js';
import { nextView } from '../src/render/views/next.js';
import { phaseView } from '../src/render/views/phase.js';
import { scheduleView } from '../src/render/views/schedule.js';
import { seriesListView } from '../src/render/views/series.js';
import { validateView } from '../src/render/views/validate.js';
import { weeksView } from '../src/render/views/weeks.js';
import { weeksRenderers } from '../src/render/weeks.js';
import { findEvent } from '../src/timeline/query.js';
import { seriesViews } from '../src/timeline/series.js';
import type { TimelineEvent } from '../src/timeline/types.js';

const TODAY = '2014-09-21';
const { timeline: juno } = await loadTimeline();
const series = seriesViews(await loadSeriesList({}), TODAY);
const event = (name: string) => findEvent(juno, name) as TimelineEvent;

interface Case {
  /** The view, rendered by every entry of the registry. */
  view: object;
  registry: Record<string, Render<never>>;
  /** The formats the command's `--format` offers (plus `plain` for countdown). */
  formats: readonly string[];
  /** Keys of the view that are not part of the JSON contract. */
  extras: string[];
}

const CASES: Record<string, Case> = {
  schedule: {
    view: scheduleView(juno, TODAY, { kinds: [], upcoming: false }),
    registry: scheduleRenderers,
    formats: SCHEDULE_FORMATS,
    extras: ['releaseId', 'todayWeek', 'progress', 'cycle', 'selected', 'viewOf', 'nothing'],
  },
  weeks: {
    view: weeksView(juno, TODAY, { all: false }),
    registry: weeksRenderers,
    formats: WEEKS_FORMATS,
    extras: ['title', 'releaseId', 'todayWeek', 'phase'],
  },
  calendar: {
    view: calendarView(juno, TODAY, '2014-09', 2),
    registry: calendarRenderers,
    formats: ['text'],
    extras: [],
  },
  info: {
    view: infoView(juno),
    registry: infoRenderers,
    formats: TEXT_OR_JSON,
    extras: ['hasInfo', 'summitEvents'],
  },
  next: {
    view: nextView(juno, TODAY, { kinds: [], count: 2 }),
    registry: nextRenderers,
    formats: TEXT_OR_JSON,
    extras: ['nothing'],
  },
  countdown: {
    view: countdownView(juno, event('release'), TODAY),
    registry: countdownRenderers,
    formats: [...TEXT_OR_JSON, 'plain'],
    extras: [],
  },
  phase: {
    view: phaseView(juno, TODAY),
    registry: phaseRenderers,
    formats: TEXT_OR_JSON,
    extras: ['until', 'nothing'],
  },
  check: {
    view: checkView(juno, TODAY, [{ condition: 'before', event: event('release') }], 30),
    registry: checkRenderers,
    formats: CHECK_FORMATS,
    extras: [],
  },
  series: {
    view: seriesListView(series, TODAY, { filter: 'all', days: 'eol' }),
    registry: seriesRenderers,
    formats: SERIES_FORMATS,
    extras: ['days', 'nothing'],
  },
  validate: {
    view: validateView([
      {
        file: 'a.yaml',
        format: 'juno',
        valid: true,
        series: 'a',
        entries: 3,
        weeks: null,
        problems: [],
        warnings: [{ file: 'a.yaml', path: 'events[0]', message: 'unknown property "x"' }],
      },
    ]),
    registry: validateRenderers,
    formats: VALIDATE_FORMATS,
    extras: [],
  },
  export: {
    view: exportView(exportSelection(juno, []), TODAY, {
      name: null,
      stamp: new Date(Date.UTC(2014, 9, 16)),
      revision: new Date(Date.UTC(2014, 9, 16)),
      method: null,
      alarmSeconds: null,
      version: '1.2.3',
      weeks: false,
    }),
    registry: exportRenderers,
    formats: EXPORT_FORMATS,
    extras: [],
  },
};

const text = (output: Output) => (typeof output === 'string' ? output : [...output].join(''));
const render = (c: Case, format: string, options: RenderOptions = { style: plainStyle, width: null }) =>
  text((c.registry[format] as Render<object>)(c.view, options));

describe.each(Object.entries(CASES))('%s', (_name, c) => {
  it('has one renderer per format the command offers', () => {
    expect(Object.keys(c.registry).sort()).toEqual([...c.formats].sort());
  });

  it.each(c.formats)('renders %s as whole lines, the same every time', (format) => {
    const output = render(c, format);
    expect(output.endsWith('\n')).toBe(true);
    expect(render(c, format)).toBe(output);
  });

  it.runIf(c.formats.includes('json'))('writes the contract as JSON: versioned, and no extras', () => {
    const json = JSON.parse(render(c, 'json')) as Record<string, unknown>;
    expect(json.schemaVersion).toBe(1);
    for (const key of c.extras) expect(json).not.toHaveProperty(key);
    const kept = Object.keys(c.view).filter((key) => !c.extras.includes(key));
    expect(Object.keys(json)).toEqual(kept);
  });

  it.each(c.formats.filter((f) => !['table', 'text'].includes(f)))(
    'writes %s with no colour, whatever the style',
    async (format) => {
      const coloured = await makeStyle(true);
      expect(render(c, format, { style: coloured, width: null })).toBe(render(c, format));
    },
  );
});

describe('width', () => {
  it('fits the schedule table to a terminal, and leaves piped output alone', () => {
    const schedule = CASES.schedule as Case;
    const piped = render(schedule, 'table');
    expect(render(schedule, 'table', { style: plainStyle, width: 200 })).toBe(piped);
    const narrow = render(schedule, 'table', { style: plainStyle, width: 50 });
    expect(narrow).not.toBe(piped);
    expect(piped.split('\n')[3]).toContain('Kind');
    expect(narrow.split('\n')[3]).not.toContain('Kind');
  });

  it('is ignored by formats made for programs', () => {
    for (const [name, c] of Object.entries(CASES)) {
      for (const format of c.formats.filter((f) => !['table', 'text'].includes(f))) {
        const narrow = render(c, format, { style: plainStyle, width: 30 });
        expect(narrow, `${name} ${format}`).toBe(render(c, format));
      }
    }
  });
});
