// `juno info`: what the cycle brought.
import { longDay } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import { timelineName, toJson } from './format.js';
import type { TextOrJson } from './formats.js';
import type { Render, RenderOptions } from './render.js';
import { wrapHanging } from './table.js';
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

/** Paragraphs wrap to a terminal's width (list items under their first word); piped, each stays one line. */
function renderText(view: InfoView, { style, width }: RenderOptions): string {
  const out: string[] = [];
  const para = (text: string, paint: (t: string) => string = (t) => t, hang = 0) =>
    out.push(...wrapHanging(text, width, hang).map((l) => paint(l)));
  const heading = (text: string) => out.push('', ...wrapHanging(text, width).map((l) => style.bold(l)));
  const item = (text: string) => para(`  • ${oneLine(text)}`, undefined, 4);
  para(timelineName(view), style.bold);
  if (view.description) para(oneLine(view.description));
  const groups = [
    ['Integrated in this release', view.projects.integrated],
    ['Incubated', view.projects.incubated],
    ['Applied for incubation', view.projects.applied],
  ] as const;
  for (const [title, projects] of groups) {
    if (projects.length === 0) continue;
    heading(title);
    // Flatten before styling: oneLine would strip the escape character of the colour codes.
    for (const p of projects) {
      const name = oneLine(p.name);
      const lines = wrapHanging(`  • ${name}${p.description ? `: ${oneLine(p.description)}` : ''}`, width, 4);
      // The project's name is painted where it stands on the first line.
      const first = lines[0] as string;
      const at = first.indexOf(name, 4);
      out.push(
        at === 4 ? `  • ${style.accent(name)}${first.slice(4 + name.length)}` : first,
        ...lines.slice(1),
      );
    }
  }
  if (view.projects.notes) para(`  ${oneLine(view.projects.notes)}`, undefined, 2);
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
  if (!view.hasInfo)
    out.push(
      '',
      ...wrapHanging('This timeline carries no release information.', width).map((l) => style.dim(l)),
    );
  if (view.data) out.push('', ...wrapHanging(dataLine(view.data), width).map((l) => style.dim(l)));
  return style.text(`${out.join('\n')}\n`);
}

export const infoRenderers = {
  text: renderText,
  json: (view) => toJson(infoJson(view)),
} satisfies Record<TextOrJson, Render<InfoView>>;
