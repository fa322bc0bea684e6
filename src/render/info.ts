// `juno info`: what the cycle brought.
import { longDay } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import { timelineName, toJson } from './format.js';
import type { TextOrJson } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import { type InfoData, type InfoView, infoJson } from './views/info.js';

/** "Series data: openstack/releases 02df7c9a3 of Fri 21 Aug 2026, bundled (juno series --about)". */
function dataLine(data: InfoData): string {
  const where = data.origin === 'bundled' ? 'bundled' : 'from juno update';
  const source =
    data.source === null ? 'source not recorded' : oneLine(data.source.replace(/^https?:\/\/[^/]+\//, ''));
  const snapshot =
    data.commit === null || data.date === null ? '' : ` ${oneLine(data.commit)} of ${longDay(data.date)}`;
  return `Series data: ${source}${snapshot}, ${where} (juno series --about)`;
}

function renderText(view: InfoView, { style }: RenderOptions): string {
  const out: string[] = [];
  const heading = (text: string) => out.push('', style.bold(text));
  const item = (text: string) => out.push(`  • ${oneLine(text)}`);
  out.push(style.bold(timelineName(view)));
  if (view.description) out.push(oneLine(view.description));
  const groups = [
    ['Integrated in this release', view.projects.integrated],
    ['Incubated', view.projects.incubated],
    ['Applied for incubation', view.projects.applied],
  ] as const;
  for (const [title, projects] of groups) {
    if (projects.length === 0) continue;
    heading(title);
    // Flatten before styling: oneLine would strip the escape character of the colour codes.
    for (const p of projects)
      out.push(`  • ${style.accent(oneLine(p.name))}${p.description ? `: ${oneLine(p.description)}` : ''}`);
  }
  if (view.projects.notes) out.push(`  ${oneLine(view.projects.notes)}`);
  if (view.highlights.length > 0) {
    heading('Highlights');
    view.highlights.forEach(item);
  }
  if (view.summits.length > 0) {
    heading('Summits');
    view.summits.forEach((s, i) => {
      const event = view.summitEvents[i] ?? null;
      item(
        `${s.city}, ${s.when}${event !== null ? ` (${event})` : ''}${s.attendees ? `: ${s.attendees} attendees` : ''}`,
      );
    });
  }
  if (view.context.length > 0) {
    heading('Context');
    view.context.forEach(item);
  }
  if (!view.hasInfo) out.push('', style.dim('This timeline carries no release information.'));
  if (view.data) out.push('', style.dim(dataLine(view.data)));
  return `${out.join('\n')}\n`;
}

export const infoRenderers = {
  text: renderText,
  json: (view) => toJson(infoJson(view)),
} satisfies Record<TextOrJson, Render<InfoView>>;
