// Reading juno's iCalendar output back, the way calendar apps do: ical.js (Mozilla's parser) and the raw lines.
import ICAL from 'ical.js';
import { expect } from 'vitest';

export interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  startIsDate: boolean;
  endIsDate: boolean;
  sequence: number;
  description: string;
  location: string | null;
  categories: string[];
  url: string | null;
  stamp: string;
  /** LAST-MODIFIED, as ical.js writes a UTC date-time ("2014-10-16T12:00:00Z"), or null without one. */
  lastModified: string | null;
  transp: string | null;
  alarms: { action: string; trigger: string; description: string }[];
  propertyNames: string[];
}

export interface ParsedCalendar {
  props: Record<string, string>;
  events: ParsedEvent[];
}

function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
}

/** Undoes TEXT escaping (RFC 5545 3.3.11). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Parses with ical.js and flattens what the tests check. Throws on anything ical.js cannot parse. */
export function parseIcs(source: string): ParsedCalendar {
  const root = new ICAL.Component(ICAL.parse(source) as unknown[]);
  expect(root.name).toBe('vcalendar');
  const props: Record<string, string> = {};
  for (const prop of root.getAllProperties()) {
    const value = String(prop.getFirstValue());
    // ical.js does not know NAME and X-WR-* (type "unknown") and leaves their TEXT escapes in place.
    props[prop.name] = prop.type === 'unknown' ? unescapeText(value) : value;
  }
  const events = root.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    const end = vevent.getFirstPropertyValue('dtend') as ICAL.Time;
    const url = vevent.getFirstProperty('url');
    return {
      uid: event.uid,
      summary: event.summary,
      start: start.toString(),
      end: end.toString(),
      startIsDate: start.isDate,
      endIsDate: end.isDate,
      sequence: event.sequence,
      description: event.description,
      location: event.location,
      categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
      url: url ? String(url.getFirstValue()) : null,
      stamp: String(vevent.getFirstPropertyValue('dtstamp')),
      lastModified: text(vevent, 'last-modified'),
      transp: text(vevent, 'transp'),
      alarms: vevent.getAllSubcomponents('valarm').map((alarm) => ({
        action: text(alarm, 'action') ?? '',
        trigger: text(alarm, 'trigger') ?? '',
        description: text(alarm, 'description') ?? '',
      })),
      propertyNames: vevent.getAllProperties().map((p) => p.name),
    };
  });
  return { props, events };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The line rules of RFC 5545 that parsers forgive but some clients do not: CRLF only, at most 75 octets per
 * line, folds that never split a character, a final CRLF. Returns the unfolded content lines.
 */
export function checkLines(source: string): string[] {
  expect(source.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(source.endsWith('END:VCALENDAR\r\n')).toBe(true);
  expect(source.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = source.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(LONE_SURROGATE);
    expect(line).not.toBe('');
  }
  return source.slice(0, -2).replace(/\r\n /g, '').split('\r\n');
}

/** The same checks on the raw bytes of a file: each physical line is valid UTF-8 on its own. */
export function checkBytes(bytes: Buffer): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      expect(i - start).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(bytes.subarray(start, i))).not.toThrow();
      start = i + 2;
    }
  }
  expect(start).toBe(bytes.length);
}
