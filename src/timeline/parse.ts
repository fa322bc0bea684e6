// juno's own format: an untyped document (parsed JSON or YAML) read into a `Timeline`, or every problem found in
// it. Upstream schedules are turned into such a document and read here too (see sources/upstream/cycle.ts).
import { type Day, isSupportedDay, mondayOf, parseInstant, SUPPORTED_DAYS, utcDayOf } from './day.js';
import { describe, has, isRecord, keyLabel, LIMITS, Reader, SLUG, URL_PATTERN } from './fields.js';
import { compareEvents, releaseEvent } from './query.js';
import {
  CONFIDENCES,
  KINDS,
  type PhaseDefinition,
  type Problem,
  type ProjectInfo,
  type Timeline,
  type TimelineEvent,
  type TimelineInfo,
} from './types.js';

export type ParseResult =
  | { ok: true; timeline: Timeline; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

const ALIAS = /^[a-z0-9][a-z0-9._+-]*$/;
const MAX_NAME: number = LIMITS.name;
/** An iCalendar SEQUENCE is an INTEGER (RFC 5545 3.3.8): at most 2^31 - 1, written without an exponent. */
export const MAX_SEQUENCE = 2_147_483_647;

/** The properties a timeline is read from; any other is warned of and ignored (data/timeline.schema.json lists these). */
export const TIMELINE_PROPERTIES = [
  '$schema',
  'series',
  'title',
  'releaseId',
  'releaseWeek',
  'updated',
  'description',
  'phases',
  'events',
  'info',
] as const;
/** The properties an event is read from; any other is warned of and ignored. */
export const EVENT_PROPERTIES = [
  'id',
  'name',
  'kind',
  'start',
  'end',
  'title',
  'aliases',
  'confidence',
  'sources',
  'notes',
  'location',
  'project',
  'url',
  'sequence',
  'updated',
  'description',
  'week',
] as const;
const TOP_KEYS = new Set<string>(TIMELINE_PROPERTIES);
const EVENT_KEYS = new Set<string>(EVENT_PROPERTIES);

/** What a value is, without quoting any of it. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object with neither';
  if (typeof value === 'string') return 'text';
  return typeof value === 'number' ? 'a number' : `a ${typeof value}`;
}

function readEvent(reader: Reader, raw: unknown, index: number): TimelineEvent | null {
  const path = `events[${index}]`;
  if (!isRecord(raw)) {
    reader.problem(path, `expected an event object, got ${describe(raw)}`);
    return null;
  }
  for (const key of Object.keys(raw)) {
    if (!EVENT_KEYS.has(key)) reader.warn(`${path}.${keyLabel(key)}`, 'unknown property, ignored');
  }
  const id = reader.slug(raw, 'id', path, true);
  const name = reader.requiredText(raw, 'name', path, MAX_NAME);
  const kind = reader.choice(raw, 'kind', path, KINDS, true);
  const start = reader.day(raw, 'start', path, true);
  const end = reader.day(raw, 'end', path, false);
  if (start && end && end < start) reader.problem(`${path}.end`, `${end} is before the start ${start}`);
  const confidence = reader.choice(raw, 'confidence', path, CONFIDENCES, false);
  const sequence = reader.wholeNumber(raw, 'sequence', path, MAX_SEQUENCE) ?? 0;
  const aliases = readAliases(reader, raw, path);
  const sources = reader.textList(raw, 'sources', path);
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i] as string;
    if (!URL_PATTERN.test(source))
      reader.problem(`${path}.sources[${i}]`, `${describe(source)} is not an http(s) URL`);
  }
  const url = reader.text(raw, 'url', path);
  if (url !== null && !URL_PATTERN.test(url))
    reader.problem(`${path}.url`, `${describe(url)} is not an http(s) URL`);

  const title = reader.text(raw, 'title', path, MAX_NAME);
  const description = reader.text(raw, 'description', path);
  const notes = reader.text(raw, 'notes', path);
  const location = reader.text(raw, 'location', path, MAX_NAME);
  const project = reader.text(raw, 'project', path, MAX_NAME);
  const updated = readUpdated(reader, raw, path);
  const week = reader.text(raw, 'week', path, LIMITS.stamp);
  if (id === null || name === null || kind === null || start === null) return null;
  return {
    id,
    name,
    kind,
    start,
    end: end !== null && end >= start ? end : start,
    confidence,
    sources,
    aliases,
    url,
    sequence,
    index,
    title,
    description,
    notes,
    location,
    project,
    updated,
    week,
  };
}

/** An event's aliases, lowercase; each a valid alias of at most `LIMITS.slug` characters. */
function readAliases(reader: Reader, raw: Record<string, unknown>, path: string): string[] {
  const aliases = reader.textList(raw, 'aliases', path);
  for (let i = 0; i < aliases.length; i++) {
    const alias = aliases[i] as string;
    const lower = alias.toLowerCase();
    if (lower.length > LIMITS.slug)
      reader.problem(
        `${path}.aliases[${i}]`,
        `is ${lower.length} characters long; at most ${LIMITS.slug} are allowed`,
      );
    else if (!ALIAS.test(lower))
      reader.problem(`${path}.aliases[${i}]`, `${describe(alias)} is not a valid alias`);
    aliases[i] = lower;
  }
  return aliases;
}

/** Phases one after another, as a source derives them: each opens with its event and lasts until the next one's. */
export function phaseChain(steps: readonly Omit<PhaseDefinition, 'until'>[]): PhaseDefinition[] {
  return steps.map((step, i) => ({
    id: step.id,
    name: step.name,
    from: step.from,
    until: steps[i + 1]?.from ?? null,
  }));
}

function readPhases(reader: Reader, raw: unknown, eventIds: Set<string>): PhaseDefinition[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    reader.problem('phases', `expected a list of phases, got ${describe(raw)}`);
    return [];
  }
  const seen = new Set<string>();
  const phases: PhaseDefinition[] = [];
  raw.forEach((item, i) => {
    const path = `phases[${i}]`;
    if (!isRecord(item)) {
      reader.problem(path, `expected a phase object, got ${describe(item)}`);
      return;
    }
    const id = reader.slug(item, 'id', path, true);
    const name = reader.requiredText(item, 'name', path, MAX_NAME);
    const refs: (string | null)[] = [];
    for (const key of ['from', 'until'] as const) {
      const value = item[key];
      if (value === null || value === undefined) refs.push(null);
      else if (typeof value === 'string' && eventIds.has(value)) refs.push(value);
      else {
        reader.problem(`${path}.${key}`, `${describe(value)} is not the id of an event in this timeline`);
        refs.push(null);
      }
    }
    if (id !== null && seen.has(id)) reader.problem(`${path}.id`, `duplicate phase id "${id}"`);
    if (id !== null) seen.add(id);
    if (id !== null && name !== null)
      phases.push({ id, name, from: refs[0] ?? null, until: refs[1] ?? null });
  });
  return phases;
}

function readProjects(reader: Reader, raw: unknown, path: string): ProjectInfo[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    reader.problem(path, `expected a list, got ${describe(raw)}`);
    return [];
  }
  const out: ProjectInfo[] = [];
  raw.forEach((item, i) => {
    if (!isRecord(item)) {
      reader.problem(`${path}[${i}]`, `expected an object, got ${describe(item)}`);
      return;
    }
    const name = reader.requiredText(item, 'name', `${path}[${i}]`, MAX_NAME);
    const description = reader.text(item, 'description', `${path}[${i}]`) ?? '';
    if (name !== null) out.push({ name, description });
  });
  return out;
}

function readInfo(reader: Reader, raw: unknown): TimelineInfo | null {
  if (raw === undefined || raw === null) return null;
  if (!isRecord(raw)) {
    reader.problem('info', `expected an object, got ${describe(raw)}`);
    return null;
  }
  const projects = isRecord(raw.projects) ? raw.projects : {};
  const summitsRaw = Array.isArray(raw.summits) ? raw.summits : [];
  return {
    projects: {
      integrated: readProjects(reader, projects.integrated, 'info.projects.integrated'),
      incubated: readProjects(reader, projects.incubated, 'info.projects.incubated'),
      applied: readProjects(reader, projects.applied, 'info.projects.applied'),
      notes: reader.text(projects, 'notes', 'info.projects'),
    },
    highlights: reader.textList(raw, 'highlights', 'info'),
    context: reader.textList(raw, 'context', 'info'),
    summits: summitsRaw.filter(isRecord).map((s, i) => ({
      event: reader.text(s, 'event', `info.summits[${i}]`) ?? '',
      city: reader.text(s, 'city', `info.summits[${i}]`) ?? '',
      when: reader.text(s, 'when', `info.summits[${i}]`) ?? '',
      attendees: reader.text(s, 'attendees', `info.summits[${i}]`),
    })),
  };
}

/** Picks the Monday of week R+0: `releaseWeek`, else the event called `release`, else the last release. */
export function findReleaseWeek(explicit: Day | null, events: TimelineEvent[]): Day | null {
  if (explicit) return mondayOf(explicit);
  const named = releaseEvent(events);
  if (named) return mondayOf(named.start);
  const releases = events.filter((e) => e.kind === 'release');
  const last = releases[releases.length - 1];
  return last ? mondayOf(last.start) : null;
}

/** Reads an untyped document (parsed JSON or YAML) into a `Timeline`, or every problem found in it. */
export function parseTimeline(raw: unknown): ParseResult {
  const reader = new Reader();
  // A file that is not a timeline at all (a .env, a key, a password file) may hold secrets: its content is
  // described, never quoted, and its keys are not listed.
  if (!isRecord(raw) || (!has(raw, 'series') && !has(raw, 'events'))) {
    reader.problem('(top level)', `expected an object with "series" and "events", got ${kindOf(raw)}`);
    return { ok: false, problems: reader.problems, warnings: reader.warnings };
  }
  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.has(key)) reader.warn(keyLabel(key), 'unknown property, ignored');
  }
  const series = reader.slug(raw, 'series', '', true);
  const title = reader.text(raw, 'title', '', MAX_NAME);
  const description = reader.text(raw, 'description', '');
  const updated = readUpdated(reader, raw);
  const releaseId = readReleaseId(reader, raw);
  const releaseWeek = reader.day(raw, 'releaseWeek', '', false);
  const { events, knownIds } = readEvents(reader, raw);
  const phases = readPhases(reader, raw.phases, knownIds);
  const info = readInfo(reader, raw.info);

  if (reader.problems.length > 0 || series === null) {
    return { ok: false, problems: reader.problems, warnings: reader.warnings };
  }
  events.sort(compareEvents);
  return {
    ok: true,
    warnings: reader.warnings,
    timeline: {
      series,
      title,
      releaseId,
      description,
      updated,
      releaseWeek: findReleaseWeek(releaseWeek, events),
      phases,
      events,
      info,
      weeks: null,
    },
  };
}

/**
 * When the data (or, at `path`, an event) was last revised: an ISO 8601 date or date-time within the supported
 * years. Calendars carry it as LAST-MODIFIED.
 */
function readUpdated(reader: Reader, raw: Record<string, unknown>, path = ''): string | null {
  const updated = reader.text(raw, 'updated', path, LIMITS.stamp);
  const at = path === '' ? 'updated' : `${path}.updated`;
  if (updated !== null) {
    const instant = parseInstant(updated);
    if (instant === null) reader.problem(at, `"${updated}" is not an ISO 8601 date or date-time`);
    else if (!isSupportedDay(utcDayOf(instant)))
      reader.problem(at, `"${updated}" is outside the supported years ${SUPPORTED_DAYS.years}`);
  }
  return updated;
}

function readReleaseId(reader: Reader, raw: Record<string, unknown>): string | null {
  if (typeof raw.releaseId !== 'number') return reader.text(raw, 'releaseId', '', LIMITS.stamp);
  // YAML reads `releaseId: 2014.2` as a number; `.nan`, `.inf` and 1e21 are numbers too, but no release id.
  if (Number.isFinite(raw.releaseId) && !/e/i.test(String(raw.releaseId))) return String(raw.releaseId);
  reader.problem('releaseId', `expected a release id such as "2014.2", got ${describe(raw.releaseId)}`);
  return null;
}

/** The valid events, and the id of every event that has one (for the phases), each id and alias used once. */
function readEvents(
  reader: Reader,
  raw: Record<string, unknown>,
): { events: TimelineEvent[]; knownIds: Set<string> } {
  const events: TimelineEvent[] = [];
  const knownIds = new Set<string>();
  if (!has(raw, 'events')) reader.problem('events', 'is required (a list of events)');
  else if (!Array.isArray(raw.events))
    reader.problem('events', `expected a list of events, got ${describe(raw.events)}`);
  else {
    const ids = new Map<string, string>();
    raw.events.forEach((item: unknown, i: number) => {
      const event = readEvent(reader, item, i);
      // Names are checked for clashes even when the rest of the event is invalid: every problem at once.
      const id =
        event?.id ?? (isRecord(item) && typeof item.id === 'string' && SLUG.test(item.id) ? item.id : null);
      if (id === null) return;
      knownIds.add(id);
      const aliases =
        event?.aliases ??
        (isRecord(item) && Array.isArray(item.aliases)
          ? item.aliases.filter((a): a is string => typeof a === 'string').map((a) => a.toLowerCase())
          : []);
      claimNames(reader, ids, id, aliases, i);
      if (event) events.push(event);
    });
  }
  return { events, knownIds };
}

/** Records an event's id, then each alias, as its names; a name another event has is a problem. */
function claimNames(
  reader: Reader,
  ids: Map<string, string>,
  id: string,
  aliases: string[],
  i: number,
): void {
  // A problem's path is built only when there is one.
  for (let j = 0; j <= aliases.length; j++) {
    const name = j === 0 ? id : (aliases[j - 1] as string);
    const owner = ids.get(name);
    if (owner === undefined) ids.set(name, id);
    else if (owner !== id || j === 0) {
      const path = j === 0 ? `events[${i}].id` : `events[${i}].aliases[${j - 1}]`;
      reader.problem(
        path,
        owner !== id
          ? `"${name}" is already used by ${owner === name ? 'the event' : 'an alias of'} "${owner}"`
          : `duplicate id "${name}"`,
      );
    }
  }
}
