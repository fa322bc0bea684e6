// `juno info`: what the cycle brought.
import { oneLine } from '../timeline/text.js';
import type { Timeline, TimelineInfo } from '../timeline/types.js';
import { SCHEMA_VERSION } from '../timeline/view.js';
import { timelineName, toJson } from './format.js';
import type { Style } from './style.js';

export interface InfoJson {
  schemaVersion: typeof SCHEMA_VERSION;
  series: string;
  title: string | null;
  releaseId: string | null;
  description: string | null;
  projects: TimelineInfo['projects'];
  highlights: string[];
  summits: TimelineInfo['summits'];
  context: string[];
}

const EMPTY: TimelineInfo = {
  projects: { integrated: [], incubated: [], applied: [], notes: null },
  highlights: [],
  summits: [],
  context: [],
};

export function infoJson(timeline: Timeline): InfoJson {
  const info = timeline.info ?? EMPTY;
  return {
    schemaVersion: SCHEMA_VERSION,
    series: timeline.series,
    title: timeline.title,
    releaseId: timeline.releaseId,
    description: timeline.description,
    ...info,
  };
}

export function renderInfoText(timeline: Timeline, style: Style): string {
  const info = timeline.info ?? EMPTY;
  const out: string[] = [];
  const heading = (text: string) => out.push('', style.bold(text));
  const item = (text: string) => out.push(`  • ${oneLine(text)}`);
  out.push(style.bold(timelineName(timeline)));
  if (timeline.description) out.push(oneLine(timeline.description));
  const groups = [
    ['Integrated in this release', info.projects.integrated],
    ['Incubated', info.projects.incubated],
    ['Applied for incubation', info.projects.applied],
  ] as const;
  for (const [title, projects] of groups) {
    if (projects.length === 0) continue;
    heading(title);
    // Flatten before styling: oneLine would strip the escape character of the colour codes.
    for (const p of projects)
      out.push(`  • ${style.accent(oneLine(p.name))}${p.description ? `: ${oneLine(p.description)}` : ''}`);
  }
  if (info.projects.notes) out.push(`  ${oneLine(info.projects.notes)}`);
  if (info.highlights.length > 0) {
    heading('Highlights');
    info.highlights.forEach(item);
  }
  if (info.summits.length > 0) {
    heading('Summits');
    for (const s of info.summits) {
      const event = timeline.events.find((e) => e.id === s.event);
      item(
        `${s.city}, ${s.when}${event ? ` (${event.name})` : ''}${s.attendees ? `: ${s.attendees} attendees` : ''}`,
      );
    }
  }
  if (info.context.length > 0) {
    heading('Context');
    info.context.forEach(item);
  }
  if (!timeline.info) out.push('', style.dim('This timeline carries no release information.'));
  return `${out.join('\n')}\n`;
}

export function renderInfo(timeline: Timeline, format: 'text' | 'json', style: Style): string {
  return format === 'json' ? toJson(infoJson(timeline)) : renderInfoText(timeline, style);
}
