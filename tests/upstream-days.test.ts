// How upstream's prose and weeks date an event: the wordings of days and spans, the Thursday of deadlines,
// feature freeze on its X-3 milestone's day, week-long activities kept whole, and prose that disagrees with its
// week warned of. Each rule alone on made-up text and a made-up cycle (tests/fixtures/upstream/days), then every
// real cycle in openstack/releases, when a checkout is at hand.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTimeline } from '../src/cli/load.js';
import { addDays, type Day, weekdayOf } from '../src/timeline/day.js';
import { datesNamedIn, weekdayNamedIn } from '../src/timeline/sources/upstream/prose-dates.js';
import type { NamedWeek, Timeline, TimelineEvent } from '../src/timeline/types.js';
import type { ValidateJson } from './contract.js';
import { hasReleases, RELEASES } from './external.js';
import { runMain } from './helpers.js';

const THURSDAY = 4;
const UNDATED_NOTE = /^No day given: taken as the Thursday of its week/;

/** What `datesNamedIn` finds, one line each: first day, last day, form, and "ref" for a reference. */
function read(text: string, near: Day): string[] {
  return datesNamedIn(text, near).map(
    (d) => `${d.start} ${d.end} ${d.form}${d.reference ? ' ref' : ''}${d.yearGiven ? '' : ' no-year'}`,
  );
}

describe('datesNamedIn', () => {
  it.each([
    ['Votes close on 16 November, 2023.', '2023-11-16 2023-11-16 day'],
    ['Due by the 16th of November, 2023.', '2023-11-16 2023-11-16 day'],
    ['November 16, 2023 is the milestone.', '2023-11-16 2023-11-16 day'],
    ['Closes Thursday Nov. 16th, 2023 at noon.', '2023-11-16 2023-11-16 day'],
    ['Ends 2023-11-16 at 12:00 UTC.', '2023-11-16 2023-11-16 day'],
    ['Sessions run 13-17 November 2023.', '2023-11-13 2023-11-17 span'],
    ['Sessions run 14th - 16th November, 2023.', '2023-11-14 2023-11-16 span'],
    ['Sessions run 13 - 17 November.', '2023-11-13 2023-11-17 span no-year'],
    ['Sessions run 13th-17th Nov.', '2023-11-13 2023-11-17 span no-year'],
    ['Meet from 13 to 17 November, 2023.', '2023-11-13 2023-11-17 span'],
    ['Meet November 13-17.', '2023-11-13 2023-11-17 span no-year'],
    ['Meet Nov 13-17, 2023.', '2023-11-13 2023-11-17 span'],
    ['Meet from November 14 to November 16, 2023.', '2023-11-14 2023-11-16 span'],
    ['Meet from November 13 to 17.', '2023-11-13 2023-11-17 span no-year'],
    ['Meet 30 October - 3 November 2023.', '2023-10-30 2023-11-03 span'],
    ['Open between 2023-11-13 23:45 UTC and 2023-11-16 23:45 UTC.', '2023-11-13 2023-11-16 span'],
    ['Open between November 13 and November 16.', '2023-11-13 2023-11-16 span no-year'],
    ['The week of 13 November, 2023 is for testing.', '2023-11-13 2023-11-13 week'],
    ['The week of November 13 is for testing.', '2023-11-13 2023-11-13 week no-year'],
    ['The week of 13-17 November is for testing.', '2023-11-13 2023-11-17 span no-year'],
    ['Code merged before 7 December 2023 counts.', '2023-12-07 2023-12-07 day ref'],
    ['Owing to the 15 November holiday, mail it.', '2023-11-15 2023-11-15 day ref no-year'],
    ['Remember 15 November is a holiday there.', '2023-11-15 2023-11-15 day ref no-year'],
  ])('%s', (text, expected) => {
    expect(read(text, '2023-11-13')).toEqual([expected]);
  });

  it('finds several days in the order written, and nothing in times, years or impossible days', () => {
    expect(read('First 6 June 2023 and then 27 June 2023.', '2023-06-05')).toEqual([
      '2023-06-06 2023-06-06 day',
      '2023-06-27 2023-06-27 day',
    ]);
    expect(read('At 23:59 UTC in 2023, or on February 30, or in May 2023.', '2023-02-27')).toEqual([]);
  });

  it('gives a day without a year the year that puts it nearest the weeks it is about', () => {
    expect(read('Due Jan 2.', '2029-12-31')).toEqual(['2030-01-02 2030-01-02 day no-year']);
    expect(read('Due 28 December.', '2030-01-07')).toEqual(['2029-12-28 2029-12-28 day no-year']);
    expect(read('Runs 30 December - 3 January.', '2029-12-31')).toEqual([
      '2029-12-30 2030-01-03 span no-year',
    ]);
    expect(read('Runs 30 December - 3 January 2030.', '2029-12-31')).toEqual(['2029-12-30 2030-01-03 span']);
  });
});

describe('weekdayNamedIn', () => {
  it('finds the one weekday a text names, or none when it names two or none', () => {
    expect(weekdayNamedIn('Approved by Thursday.')).toBe(THURSDAY);
    expect(weekdayNamedIn('Tuesday or Thursday.')).toBeNull();
    expect(weekdayNamedIn('Some day soon.')).toBeNull();
  });
});

const YEW = 'tests/fixtures/upstream/days/yew/schedule.yaml';

async function load(file: string): Promise<{ timeline: Timeline; warnings: string[] }> {
  const { result } = await checkTimeline(file);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { timeline: result.timeline, warnings: result.warnings.map((w) => `${w.path}: ${w.message}`) };
}

const dated = (e: TimelineEvent | undefined) => e && `${e.start} ${e.end} ${e.confidence}`;
const eventsById = (t: Timeline) => new Map(t.events.map((e) => [e.id, e]));

describe('the days of a made-up cycle', async () => {
  const { timeline, warnings } = await load(YEW);
  const e = eventsById(timeline);

  it.each([
    ['a day range, "from D to D Month, Y"', 'y-vptg', '2029-10-22 2029-10-26 confirmed'],
    ['a day range, "Dth - Dth Month"', 'y-summit', '2029-10-30 2029-10-31 confirmed'],
    [
      'a weekday alone: that day of the labelled week',
      'y-nova-spec-freeze',
      '2029-11-08 2029-11-08 confirmed',
    ],
    ['one day named in the week', 'y-1', '2029-11-14 2029-11-14 confirmed'],
    ['"the week of" a day: the week', 'y-rc1', '2030-03-11 2030-03-15 approximate'],
    ['"the week of" a range: the range', 'y-finalrc', '2030-03-25 2030-03-29 confirmed'],
    ['ISO "between … and …" over two weeks', 'z-election-campaigning', '2030-02-27 2030-03-06 confirmed'],
    [
      'a day naming the first of a run of weeks: from it to the run’s end',
      'z-election-nominations',
      '2030-02-12 2030-02-22 approximate',
    ],
    ['an activity without a day keeps its week', 'y-manila-bugsquash', '2030-01-28 2030-02-01 approximate'],
    ['a release from its section', 'y-final', '2030-04-03 2030-04-03 confirmed'],
  ])('%s (%s)', (_rule, id, expected) => {
    expect(dated(e.get(id))).toBe(expected);
  });

  it('puts a freeze or deadline without a day on the Thursday of its week, saying why', () => {
    for (const id of ['y-glance-spec-freeze', 'y-rf', 'y-hard-sf', 'y-cinder-feature-checkpoint']) {
      const event = e.get(id);
      expect(event && weekdayOf(event.start), id).toBe(THURSDAY);
      expect(event?.end, id).toBe(event?.start);
      expect(event?.confidence, id).toBe('approximate');
      expect(event?.notes, id).toMatch(UNDATED_NOTE);
    }
    expect(dated(e.get('y-glance-spec-freeze'))).toBe('2029-11-08 2029-11-08 approximate');
  });

  it('keeps the days of a short week that has no Thursday', () => {
    expect(dated(e.get('y-trailing-deadline'))).toBe('2030-04-01 2030-04-03 approximate');
  });

  it('puts feature freeze on the day of the X-3 milestone in its week, whatever the weekday', () => {
    expect(dated(e.get('y-3'))).toBe('2030-02-27 2030-02-27 confirmed');
    expect(dated(e.get('y-ff'))).toBe('2030-02-27 2030-02-27 confirmed');
    expect(e.get('y-ff')?.notes).toMatch(/^On the day of the y-3 milestone/);
  });

  it('makes one event per week of a run whose prose names one day in each', () => {
    expect(dated(e.get('y-nova-review-day'))).toBe('2029-11-27 2029-11-27 confirmed');
    expect(dated(e.get('y-nova-review-day-2'))).toBe('2029-12-04 2029-12-04 confirmed');
    expect(dated(e.get('y-nova-review-day-3'))).toBe('2030-01-21 2030-01-25 approximate');
    const weeks = new Map((timeline.weeks ?? []).map((w: NamedWeek) => [w.name, w.events]));
    expect(weeks.get('R-18')).toEqual(['y-nova-review-day']);
    expect(weeks.get('R-17')).toEqual(['y-nova-review-day-2']);
    expect(weeks.get('R-10')).toEqual(['y-nova-review-day-3']);
  });

  it('does not take a day cited for another reason as the event’s', () => {
    for (const id of ['y-cinder-feature-checkpoint', 'y-cinder-driver-declaration'])
      expect(dated(e.get(id)), id).toBe('2030-01-10 2030-01-10 approximate');
  });

  it('keeps the week of a prose day outside it, and warns with the label, the day and the week', () => {
    expect(dated(e.get('z-election-email-deadline'))).toBe('2030-02-07 2030-02-07 approximate');
    expect(dated(e.get('y-cinder-spec-freeze'))).toBe('2029-12-21 2029-12-21 confirmed');
    expect(warnings.filter((w) => / names /.test(w))).toEqual([
      'cycle[11] (line 52): y-cinder-spec-freeze: its section names 2028-12-21 ("21 December 2028"), a year off its week R-15 (2029-12-17 to 2029-12-21); read as 2029-12-21',
      'cycle[18] (line 82): z-election-email-deadline: its section names 2030-01-29 ("January 29th, 2030"), outside its week R-8 (2030-02-04 to 2030-02-08); the week is kept',
    ]);
  });

  it('lists those warnings in validate', async () => {
    const result = await runMain(['validate', YEW, '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ValidateJson;
    const messages = report.files.flatMap((f) => f.warnings.map((w) => w.message));
    expect(messages.filter((m) => / names /.test(m)).map((m) => m.split(':')[0])).toEqual([
      'y-cinder-spec-freeze',
      'z-election-email-deadline',
    ]);
  });
});

// Every real cycle: the days as a release manager reads them off upstream's pages. One line per event whose day
// a rule of this file decides: series, id, first and last day, confidence.
const EXPECTED = `
    ocata      o-design-summit                        2016-10-24 2016-10-28 approximate
    ocata      o-2                                    2016-12-05 2016-12-09 approximate
    ocata      o-cinder-nddeadline                    2016-12-08 2016-12-08 approximate
    ocata      o-cinder-spec-freeze                   2016-12-08 2016-12-08 approximate
    ocata      o-manila-spec-frz2                     2016-12-08 2016-12-08 approximate
    ocata      o-rc1                                  2017-01-30 2017-02-03 confirmed
    ocata      o-finalrc                              2017-02-13 2017-02-17 confirmed
    ocata      p-ptg0                                 2017-02-20 2017-02-24 confirmed
    pike       p-ptg0                                 2017-02-20 2017-02-24 confirmed
    pike       p-summit                               2017-05-08 2017-05-12 approximate
    pike       p-rc1                                  2017-08-07 2017-08-11 confirmed
    pike       p-finalrc                              2017-08-21 2017-08-25 approximate
    queens     q-ptg                                  2017-09-11 2017-09-15 confirmed
    queens     q-summit                               2017-11-06 2017-11-10 approximate
    queens     q-rc1                                  2018-02-05 2018-02-09 approximate
    queens     q-finalrc                              2018-02-19 2018-02-23 approximate
    rocky      r-ptg                                  2018-02-26 2018-03-02 confirmed
    rocky      r-summit                               2018-05-21 2018-05-25 approximate
    rocky      r-rc1                                  2018-08-06 2018-08-10 approximate
    rocky      r-finalrc                              2018-08-20 2018-08-24 approximate
    stein      s-ptg                                  2018-09-10 2018-09-14 confirmed
    stein      s-summit                               2018-11-12 2018-11-16 approximate
    stein      s-rc1                                  2019-03-21 2019-03-21 confirmed
    stein      s-finalrc                              2019-04-01 2019-04-05 approximate
    train      t-summit                               2019-04-29 2019-05-03 approximate
    train      t-nova-spec-freeze                     2019-07-25 2019-07-25 confirmed
    train      u-election-email-deadline              2019-09-03 2019-09-03 confirmed
    train      t-rc1                                  2019-09-23 2019-09-27 confirmed
    train      t-finalrc                              2019-10-07 2019-10-11 confirmed
    ussuri     u-summit                               2019-11-04 2019-11-08 approximate
    ussuri     u-cinder-feature-checkpoint            2020-03-19 2020-03-19 approximate
    ussuri     v-election-email-deadline              2020-04-02 2020-04-02 approximate
    ussuri     u-rc1                                  2020-04-20 2020-04-24 approximate
    ussuri     u-finalrc                              2020-05-04 2020-05-08 approximate
    victoria   v-ptg                                  2020-06-01 2020-06-05 approximate
    victoria   v-cinder-feature-checkpoint            2020-08-20 2020-08-20 approximate
    victoria   v-cinder-driver-features-declaration   2020-08-20 2020-08-20 approximate
    victoria   v-rc1                                  2020-09-21 2020-09-25 approximate
    victoria   v-finalrc                              2020-10-05 2020-10-09 approximate
    victoria   v-summit                               2020-10-19 2020-10-23 confirmed
    wallaby    v-summit                               2020-10-19 2020-10-23 confirmed
    wallaby    w-ptg                                  2020-10-26 2020-10-30 approximate
    wallaby    w-cinder-feature-checkpoint            2021-02-11 2021-02-11 approximate
    wallaby    w-rc1                                  2021-03-22 2021-03-26 approximate
    wallaby    w-finalrc                              2021-04-05 2021-04-09 approximate
    xena       x-ptg                                  2021-04-19 2021-04-23 confirmed
    xena       x-cinder-feature-checkpoint            2021-08-05 2021-08-05 approximate
    xena       x-rc1                                  2021-09-13 2021-09-17 approximate
    xena       x-finalrc                              2021-09-27 2021-10-01 approximate
    yoga       y-ptg                                  2021-10-18 2021-10-22 confirmed
    yoga       y-cinder-feature-checkpoint            2022-01-27 2022-01-27 approximate
    yoga       y-rc1                                  2022-03-07 2022-03-11 approximate
    yoga       y-finalrc                              2022-03-21 2022-03-25 confirmed
    zed        z-ptg                                  2022-04-04 2022-04-08 confirmed
    zed        z-cinder-mid-cycle-ptg-1               2022-06-01 2022-06-01 confirmed
    zed        z-summit                               2022-06-07 2022-06-09 confirmed
    zed        z-cinder-feature-checkpoint            2022-08-04 2022-08-04 approximate
    zed        z-rc1                                  2022-09-12 2022-09-16 approximate
    zed        z-finalrc                              2022-09-26 2022-09-30 confirmed
    antelope   a-ptg                                  2022-10-17 2022-10-21 confirmed
    antelope   a-cinder-mid-cycle-ptg-1               2022-11-30 2022-11-30 confirmed
    antelope   a-cinder-feature-checkpoint            2023-01-26 2023-01-26 approximate
    antelope   b-election-nominations                 2023-01-30 2023-02-03 approximate
    antelope   b-election-campaigning                 2023-02-13 2023-02-17 approximate
    antelope   b-election-voting                      2023-02-20 2023-02-24 approximate
    antelope   a-rc1                                  2023-02-27 2023-03-03 approximate
    antelope   a-finalrc                              2023-03-13 2023-03-17 confirmed
    bobcat     b-vptg                                 2023-03-27 2023-03-31 confirmed
    bobcat     b-cinder-mid-cycle-ptg-1               2023-05-31 2023-05-31 confirmed
    bobcat     b-summit                               2023-06-13 2023-06-15 confirmed
    bobcat     b-cinder-feature-checkpoint            2023-08-03 2023-08-03 approximate
    bobcat     c-election-nominations                 2023-08-21 2023-09-01 approximate
    bobcat     c-election-campaigning                 2023-09-04 2023-09-08 approximate
    bobcat     c-election-email-deadline              2023-09-07 2023-09-07 approximate
    bobcat     b-rc1                                  2023-09-11 2023-09-15 approximate
    bobcat     c-election-voting                      2023-09-11 2023-09-22 approximate
    bobcat     b-finalrc                              2023-09-25 2023-09-29 approximate
    caracal    c-vptg                                 2023-10-23 2023-10-27 confirmed
    caracal    c-cinder-mid-cycle-ptg-1               2023-12-06 2023-12-06 confirmed
    caracal    c-cinder-spec-freeze                   2023-12-22 2023-12-22 confirmed
    caracal    c-cinder-feature-checkpoint            2024-02-01 2024-02-01 approximate
    caracal    c-cinder-mid-cycle-ptg-2               2024-02-14 2024-02-14 confirmed
    caracal    d-election-nominations                 2024-02-19 2024-03-01 approximate
    caracal    d-election-email-deadline              2024-02-28 2024-02-28 confirmed
    caracal    d-election-campaigning                 2024-03-04 2024-03-08 approximate
    caracal    c-rc1                                  2024-03-11 2024-03-15 approximate
    caracal    d-election-voting                      2024-03-11 2024-03-22 approximate
    caracal    c-finalrc                              2024-03-25 2024-03-29 approximate
    dalmatian  d-vptg                                 2024-04-08 2024-04-12 confirmed
    dalmatian  d-cinder-mid-cycle-ptg-1               2024-06-12 2024-06-12 confirmed
    dalmatian  d-cinder-feature-checkpoint            2024-08-01 2024-08-01 approximate
    dalmatian  d-cinder-mid-cycle-ptg-2               2024-08-14 2024-08-14 confirmed
    dalmatian  e-election-nominations                 2024-08-14 2024-08-28 confirmed
    dalmatian  e-election-email-deadline              2024-08-28 2024-08-28 confirmed
    dalmatian  e-election-campaigning                 2024-08-28 2024-09-04 confirmed
    dalmatian  e-election-voting                      2024-09-04 2024-09-20 approximate
    dalmatian  d-rc1                                  2024-09-09 2024-09-13 approximate
    dalmatian  d-finalrc                              2024-09-23 2024-09-27 approximate
    epoxy      e-vptg                                 2024-10-21 2024-10-25 confirmed
    epoxy      f-election-nominations                 2025-02-10 2025-02-21 approximate
    epoxy      f-election-campaigning                 2025-02-24 2025-02-28 approximate
    epoxy      f-election-email-deadline              2025-02-27 2025-02-27 approximate
    epoxy      f-election-voting                      2025-03-03 2025-03-21 approximate
    epoxy      e-rc1                                  2025-03-10 2025-03-14 approximate
    epoxy      e-finalrc                              2025-03-24 2025-03-28 approximate
    flamingo   f-vptg                                 2025-04-07 2025-04-11 confirmed
    flamingo   g-election-nominations                 2025-08-11 2025-08-22 approximate
    flamingo   g-election-campaigning                 2025-08-25 2025-08-29 approximate
    flamingo   g-election-email-deadline              2025-08-28 2025-08-28 approximate
    flamingo   g-election-voting                      2025-09-01 2025-09-19 approximate
    flamingo   f-rc1                                  2025-09-08 2025-09-12 approximate
    flamingo   f-finalrc                              2025-09-22 2025-09-26 approximate
    gazpacho   g-vptg                                 2025-10-27 2025-10-31 confirmed
    gazpacho   g-nova-spec-review-day                 2025-11-27 2025-11-27 confirmed
    gazpacho   g-nova-spec-review-day-2               2025-12-02 2025-12-02 confirmed
    gazpacho   h-election-nominations                 2026-02-09 2026-02-20 approximate
    gazpacho   h-election-campaigning                 2026-02-23 2026-02-27 approximate
    gazpacho   h-election-email-deadline              2026-02-26 2026-02-26 approximate
    gazpacho   h-election-voting                      2026-03-02 2026-03-20 approximate
    gazpacho   g-rc1                                  2026-03-09 2026-03-13 approximate
    gazpacho   g-finalrc                              2026-03-23 2026-03-27 approximate
    hibiscus   h-ptg                                  2026-04-20 2026-04-24 confirmed
    hibiscus   i-election-nominations                 2026-08-03 2026-08-21 approximate
    hibiscus   i-election-email-deadline              2026-08-19 2026-08-19 confirmed
    hibiscus   i-election-campaigning                 2026-08-24 2026-08-28 approximate
    hibiscus   i-election-voting                      2026-08-31 2026-09-18 approximate
    hibiscus   h-rc1                                  2026-09-07 2026-09-11 approximate
    hibiscus   h-finalrc                              2026-09-21 2026-09-25 approximate
    indri      i-vptg                                 2026-10-12 2026-10-16 confirmed
    indri      i-rc1                                  2027-03-01 2027-03-05 approximate
    indri      i-finalrc                              2027-03-15 2027-03-19 approximate
`;

/** The prose days that disagree with their weeks, as validate lists them: series, label, prose day, week. */
const CONFLICTS = [
  'ocata o-2 2016-12-15 R-11',
  'ocata o-cinder-nddeadline 2016-12-14 R-11',
  'ocata o-cinder-spec-freeze 2016-12-14 R-11',
  'ocata o-manila-spec-frz2 2016-12-15 R-11',
  'queens q-ptg 2018-09-11 to 2018-09-15 R-24',
  'ussuri v-election-email-deadline 2020-04-07 R-6',
  'bobcat c-election-email-deadline 2023-08-30 R-4',
  'caracal c-cinder-spec-freeze 2022-12-22 R-15',
  'epoxy f-election-email-deadline 2025-02-19 R-5',
  'flamingo g-election-email-deadline 2025-08-20 R-5',
  'gazpacho h-election-email-deadline 2026-02-18 R-5',
];

const SOURCE = `${RELEASES}/doc/source`;
const REAL = hasReleases()
  ? readdirSync(SOURCE)
      .filter((series) => existsSync(`${SOURCE}/${series}/schedule.yaml`))
      .sort()
  : [];

describe.runIf(REAL.length > 0)('every real cycle', () => {
  it('holds the 21 series from ocata to indri', () => {
    expect(REAL).toHaveLength(21);
  });

  it('dates the spans, weeks, single days and conflicts as upstream means them', async () => {
    const want = EXPECTED.trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).join(' '));
    const timelines = new Map<string, Map<string, TimelineEvent>>();
    for (const series of REAL)
      timelines.set(series, eventsById((await load(`${SOURCE}/${series}/schedule.yaml`)).timeline));
    const got = want.map((line) => {
      const [series, id] = line.split(' ') as [string, string];
      return `${series} ${id} ${dated(timelines.get(series)?.get(id))}`;
    });
    expect(got).toEqual(want);
  });

  it.each(REAL)(
    '%s: feature freeze on the X-3 milestone’s Thursday; undated deadlines on Thursdays; activities keep their weeks',
    async (series) => {
      const { timeline } = await load(`${SOURCE}/${series}/schedule.yaml`);
      const initial = series.charAt(0);
      const e = eventsById(timeline);
      const ff = e.get(`${initial}-ff`);
      expect(dated(ff)).toBe(dated(e.get(`${initial}-3`)));
      expect(ff && weekdayOf(ff.start)).toBe(THURSDAY);
      expect(ff?.confidence).toBe('confirmed');

      const weeksOf = (id: string) => (timeline.weeks ?? []).filter((w) => w.events.includes(id));
      for (const event of timeline.events) {
        const weeks = weeksOf(event.id);
        if (weeks.length === 0 || event.confidence === 'confirmed') continue;
        const first = weeks[0] as NamedWeek;
        const last = weeks[weeks.length - 1] as NamedWeek;
        if (event.kind === 'freeze' || event.kind === 'deadline') {
          expect(`${event.id} ${weekdayOf(event.start)} ${event.end === event.start}`).toBe(
            `${event.id} ${THURSDAY} true`,
          );
          expect(event.notes, event.id).toMatch(UNDATED_NOTE);
        } else if (event.kind !== 'release') {
          // Whole weeks, or from the day the prose names in the first of them.
          expect(event.end, event.id).toBe(last.end);
          expect(event.start >= first.start && event.start <= first.end, event.id).toBe(true);
        }
      }
    },
  );

  it.each(REAL)(
    '%s: check --before ff holds Monday to Wednesday of the FF week and fails from Thursday',
    async (series) => {
      const { timeline } = await load(`${SOURCE}/${series}/schedule.yaml`);
      const week = (timeline.weeks ?? []).find((w) => w.events.includes(`${series.charAt(0)}-ff`));
      expect(week).toBeDefined();
      const monday = week?.start as Day;
      const codes: number[] = [];
      for (const day of [monday, addDays(monday, 2), addDays(monday, 3), addDays(monday, 4)]) {
        const file = `${SOURCE}/${series}/schedule.yaml`;
        codes.push((await runMain(['check', '--before', 'ff', '--timeline', file, '--date', day])).code);
      }
      expect(codes).toEqual([0, 0, 1, 1]);
    },
  );

  it('warns in validate of every prose day outside its week, and of nothing else by that name', async () => {
    const found: string[] = [];
    for (const series of REAL) {
      const result = await runMain(['validate', `${SOURCE}/${series}/schedule.yaml`, '--format', 'json']);
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as ValidateJson;
      for (const { message } of report.files.flatMap((f) => f.warnings)) {
        const m =
          /^(\S+): its section names (\S+(?: to \S+)?) \(.*\), (?:outside|a year off) its week (\S+) /.exec(
            message,
          );
        if (m) found.push(`${series} ${m[1]} ${m[2]} ${m[3]}`);
      }
    }
    expect(found.sort()).toEqual([...CONFLICTS].sort());
  });
});
