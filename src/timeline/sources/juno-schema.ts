// The JSON Schema of juno's format (data/timeline.schema.json), built from the parser's own lists and limits so
// that the two agree: a document the schema accepts is one `parseTimeline` reads (warnings aside), as far as a
// schema can tell. Properties the parser does not know are allowed, as the parser reads past them (with a
// warning). tests/schema.test.ts checks the file against this and the two against each other; write the file
// again after a change with `npx vitest run tests/schema.test.ts -u`. Not part of the program.
import { SUPPORTED_DAYS } from '../day.js';
import { LIMITS, SLUG, URL_PATTERN } from '../fields.js';
import { type EVENT_PROPERTIES, MAX_SEQUENCE, type TIMELINE_PROPERTIES } from '../parse.js';
import { CONFIDENCES, KINDS } from '../types.js';

type Schema = Record<string, unknown>;

/** A pattern as JSON Schema writes it: without the escaped slashes of a JavaScript regular expression literal. */
const pattern = (re: RegExp) => re.source.replaceAll('\\/', '/');

/** Text the parser reads as optional: absent, null, or a string of at most `max` characters. */
const text = (max: number, extra: Schema = {}): Schema => ({
  type: ['string', 'null'],
  maxLength: max,
  ...extra,
});

/** Text the parser requires: a string with something besides spaces, of at most `max` characters. */
const requiredText = (max: number): Schema => ({
  type: 'string',
  minLength: 1,
  maxLength: max,
  pattern: '\\S',
});

/** A list the parser reads as optional: absent, null, or a list of such items. */
const list = (items: Schema, extra: Schema = {}): Schema => ({ type: ['array', 'null'], ...extra, items });

/** The supported years, 1000–9996 (`SUPPORTED_DAYS`), spelt out; the agreement test tries both ends. */
const DAY_PATTERN = '^(1\\d{3}|[2-8]\\d{3}|9[0-8]\\d{2}|99[0-8]\\d|999[0-6])-\\d{2}-\\d{2}$';

const EVENT: Record<(typeof EVENT_PROPERTIES)[number], Schema> = {
  id: { $ref: '#/$defs/slug', description: 'Unique in the timeline.' },
  name: requiredText(LIMITS.name),
  kind: { enum: [...KINDS] },
  start: { $ref: '#/$defs/day', description: 'First day.' },
  end: { $ref: '#/$defs/day', description: 'Last day, inclusive; not before start. Default: start.' },
  title: text(LIMITS.name),
  aliases: list(
    { type: 'string', maxLength: LIMITS.slug, pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]*$' },
    { description: 'Other names accepted by countdown and check, case-insensitively.' },
  ),
  confidence: { enum: [...CONFIDENCES, null] },
  sources: list({ $ref: '#/$defs/url' }),
  notes: text(LIMITS.text),
  location: text(LIMITS.name),
  project: text(LIMITS.name),
  url: { anyOf: [{ $ref: '#/$defs/url' }, { type: 'null' }] },
  sequence: {
    type: ['integer', 'null'],
    minimum: 0,
    maximum: MAX_SEQUENCE,
    description: 'iCalendar SEQUENCE; raise it when the event changes.',
  },
  updated: text(LIMITS.stamp),
  description: text(LIMITS.text),
  week: text(LIMITS.stamp, { description: 'A week name given by the source, e.g. R-6.' }),
};

const PROJECTS: Schema = list({
  type: 'object',
  required: ['name'],
  properties: { name: requiredText(LIMITS.name), description: text(LIMITS.text) },
});

const TIMELINE: Record<(typeof TIMELINE_PROPERTIES)[number], Schema> = {
  $schema: { description: 'The schema to check the file against in editors: "./timeline.schema.json".' },
  series: { $ref: '#/$defs/slug', description: 'The series this timeline describes, e.g. juno.' },
  title: text(LIMITS.name, { description: 'A readable name, e.g. OpenStack Juno.' }),
  releaseId: {
    type: ['string', 'number', 'null'],
    maxLength: LIMITS.stamp,
    description: "The release's version, e.g. 2014.2.",
  },
  releaseWeek: {
    $ref: '#/$defs/day',
    description:
      'A day in week R+0. Default: the week of the event with id or alias `release`, else of the last release.',
  },
  updated: text(LIMITS.stamp, {
    pattern: '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$',
    description: 'When the data was last checked (ISO 8601); used as the DTSTAMP of exported calendars.',
  }),
  description: text(LIMITS.text),
  phases: list(
    {
      type: 'object',
      required: ['id', 'name'],
      properties: {
        id: { $ref: '#/$defs/slug' },
        name: requiredText(LIMITS.name),
        from: { type: ['string', 'null'], description: 'Id of the event whose first day opens the phase.' },
        until: { type: ['string', 'null'], description: 'Id of the event whose first day ends the phase.' },
      },
    },
    {
      description:
        "The phases of the cycle, in order; each runs from the first day of one event to the day before another's.",
    },
  ),
  events: { type: 'array', items: { $ref: '#/$defs/event' } },
  info: {
    type: ['object', 'null'],
    description: 'What the release brought, shown by `juno info`.',
    properties: {
      projects: {
        type: 'object',
        properties: {
          integrated: { $ref: '#/$defs/projects' },
          incubated: { $ref: '#/$defs/projects' },
          applied: { $ref: '#/$defs/projects' },
          notes: text(LIMITS.text),
        },
      },
      highlights: list({ type: 'string', maxLength: LIMITS.text }),
      summits: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            event: text(LIMITS.text),
            city: text(LIMITS.text),
            when: text(LIMITS.text),
            attendees: text(LIMITS.text),
          },
        },
      },
      context: list({ type: 'string', maxLength: LIMITS.text }),
    },
  },
};

/** data/timeline.schema.json as an object. */
export function timelineSchema(): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/juno-cli/juno/data/timeline.schema.json',
    title: 'juno timeline',
    description:
      'A release cycle as a list of dated events, read by juno (JSON or YAML). Other properties are ignored; `juno validate` warns of them.',
    type: 'object',
    required: ['series', 'events'],
    properties: TIMELINE,
    $defs: {
      slug: { type: 'string', maxLength: LIMITS.slug, pattern: pattern(SLUG) },
      day: {
        type: 'string',
        pattern: DAY_PATTERN,
        format: 'date',
        description: `A calendar date, YYYY-MM-DD, from ${SUPPORTED_DAYS.first} to ${SUPPORTED_DAYS.last}.`,
      },
      url: { type: 'string', maxLength: LIMITS.text, pattern: pattern(URL_PATTERN) },
      projects: PROJECTS,
      event: { type: 'object', required: ['id', 'name', 'kind', 'start'], properties: EVENT },
    },
  };
}
