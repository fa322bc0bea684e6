// What `juno publish DIR` makes: a folder of calendar feeds, one per series and one of them all, with a page that
// links them. The view holds what index.html shows and what the command reports; nothing in it depends on
// today, so that the same data always gives the same files.
import type { Day } from '../../timeline/day.js';
import {
  isSlurp,
  type SeriesRecord,
  type SeriesSnapshot,
  type SeriesStatus,
  seriesViews,
} from '../../timeline/series.js';
import { capitalise, oneLine } from '../../timeline/text.js';
import { SCHEMA_VERSION } from '../../timeline/view.js';

/** The calendar of every series. */
export const ALL_FEED = 'all.ics';
/** The page that links the feeds. */
export const INDEX_PAGE = 'index.html';

/**
 * Where a published file is: its name in the folder, its path as given, and its address when the base is known.
 * index.html links the address, else the name alone.
 */
export interface PublishedFile {
  /** The file's name in the folder: `indri.ics`. */
  file: string;
  /** The folder as given, joined with the name: what the command reports. */
  path: string;
  /** The address to subscribe to (`--url` + name); null without `--url`. */
  url: string | null;
  /** The same address as a `webcal://` link, which opens the calendar app; null without `--url`. */
  webcal: string | null;
}

/** One series' feed. */
export interface PublishedFeed extends PublishedFile {
  series: string;
  /** The coordinated version ("2027.1"); null from liberty to zed. */
  releaseId: string | null;
  /** A SLURP release (every 20XX.1 from 2023.1 on). */
  slurp: boolean;
  /** The calendar's name, as calendar apps show it. */
  name: string;
  release: Day;
  /** The release is after the data's snapshot: upstream's plan. */
  planned: boolean;
  /** The status on the snapshot's day (see `PublishView.asOf`). */
  status: SeriesStatus;
  /** How many entries the calendar holds. */
  events: number;
}

/** The calendar of every series. */
export interface PublishedCalendar extends PublishedFile {
  name: string;
  description: string;
  events: number;
}

/** `juno publish --format json`: the versioned contract (the view without what only the page needs). */
export interface PublishJson {
  schemaVersion: typeof SCHEMA_VERSION;
  /** The folder as given. */
  folder: string;
  /** `--url`, as a folder's address (ending in `/`), or null. */
  url: string | null;
  snapshot: SeriesSnapshot | null;
  /** The day the statuses are given for: the snapshot's, or null (the statuses the list records). */
  asOf: Day | null;
  /** Every series' feed, oldest first. */
  feeds: PublishedFeed[];
  all: PublishedCalendar;
  index: PublishedFile;
}

export interface PublishView extends PublishJson {
  /** The page's title. */
  title: string;
  /** juno's version, for the page's footer. */
  version: string;
}

/** What the CLI found for each series, in the list's release order. */
export interface FeedInput {
  series: string;
  /** The calendar's name (the feed's X-WR-CALNAME). */
  name: string;
  events: number;
}

export interface PublishInput {
  folder: string;
  url: string | null;
  list: readonly SeriesRecord[];
  snapshot: SeriesSnapshot | null;
  feeds: readonly FeedInput[];
  version: string;
}

const PUBLISH_TITLE = 'OpenStack release schedules';

/** A file of the folder: its path, its link, and with a base address (http(s), ending in `/`) its URLs. */
function placed(folder: string, base: string | null, file: string): PublishedFile {
  const url = base === null ? null : `${base}${file}`;
  return {
    file,
    path: folder.endsWith('/') ? `${folder}${file}` : `${folder}/${file}`,
    url,
    webcal: url === null ? null : url.replace(/^https?:/, 'webcal:'),
  };
}

/** "Austin (2010.1) to Indri (2027.1)": the first and last series, oldest first. */
function seriesSpan(feeds: readonly PublishedFeed[]): string {
  const label = (feed: PublishedFeed | undefined) =>
    feed === undefined
      ? ''
      : `${capitalise(feed.series)}${feed.releaseId === null ? '' : ` (${oneLine(feed.releaseId)})`}`;
  const first = feeds[0];
  const last = feeds.at(-1);
  return first === last ? label(first) : `${label(first)} to ${label(last)}`;
}

/** all.ics's description: which series, and which data. */
function allDescription(feeds: readonly PublishedFeed[], snapshot: SeriesSnapshot | null): string {
  const from =
    snapshot === null
      ? ''
      : ` Data: ${oneLine(snapshot.source)}, commit ${oneLine(snapshot.commit)} of ${snapshot.date}.`;
  return `Every OpenStack release cycle, ${seriesSpan(feeds)}: every milestone, freeze, deadline and release, each named after its series.${from}`;
}

/**
 * The folder's content, described. The statuses are those on the snapshot's day (a list without a snapshot: the
 * statuses it records), never today's, so that the page is the same whichever day it is made.
 */
export function publishView(input: PublishInput): PublishView {
  const { folder, url, snapshot } = input;
  const asOf = snapshot?.date ?? null;
  const statuses = new Map(
    asOf === null
      ? input.list.map((record) => [record.name, record.status] as const)
      : seriesViews(input.list, asOf).map((view) => [view.name, view.status] as const),
  );
  const records = new Map(input.list.map((record) => [record.name, record] as const));
  const feeds = input.feeds.flatMap((feed): PublishedFeed[] => {
    const record = records.get(feed.series);
    const status = statuses.get(feed.series);
    if (record === undefined || status === undefined) return [];
    return [
      {
        series: feed.series,
        ...placed(folder, url, `${feed.series}.ics`),
        releaseId: record.releaseId,
        slurp: isSlurp(record.releaseId),
        name: feed.name,
        release: record.initialRelease,
        planned: asOf !== null && record.initialRelease > asOf,
        status,
        events: feed.events,
      },
    ];
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    folder,
    url,
    snapshot,
    asOf,
    feeds,
    all: {
      ...placed(folder, url, ALL_FEED),
      name: PUBLISH_TITLE,
      description: allDescription(feeds, snapshot),
      events: input.feeds.reduce((sum, feed) => sum + feed.events, 0),
    },
    index: placed(folder, url, INDEX_PAGE),
    title: PUBLISH_TITLE,
    version: input.version,
  };
}

/** The report as JSON: the view without the page's own fields. */
export function publishJson(view: PublishView): PublishJson {
  const { title: _title, version: _version, ...json } = view;
  return json;
}
