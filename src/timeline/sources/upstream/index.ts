// openstack/releases' own files for a cycle: `doc/source/<series>/schedule.yaml` and, beside it, `schedule.rst`.
// Only the shape test is loaded up front; the reader (./cycle.ts and what it uses) is loaded for upstream files.
import type { ParseResult } from '../../parse.js';
import type { Problem } from '../../types.js';
import type { ParsedDocument } from '../document.js';
import type { SourceFiles, TimelineSource } from '../source.js';
import type { UpstreamInput } from './cycle.js';

/** True for a document shaped like upstream's schedule.yaml: a `cycle` list and `release-week` or `start-week`. */
export function isUpstreamSchedule(raw: unknown): boolean {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    Array.isArray((raw as { cycle?: unknown }).cycle) &&
    !Object.hasOwn(raw, 'events') &&
    (Object.hasOwn(raw, 'release-week') || Object.hasOwn(raw, 'start-week'))
  );
}

/**
 * Reads an upstream schedule.yaml with the files around it: its schedule.rst, the neighbours' pages a label's
 * section may be in, the series list. `prose: false` leaves the sections' text out of the notes, as juno bundles it.
 */
export async function readUpstreamDocument(
  { value, lineOf }: ParsedDocument,
  files: SourceFiles,
  { prose = true }: { prose?: boolean } = {},
): Promise<ParseResult> {
  const { neighbourPagesWanted, readUpstreamSchedule } = await import('./cycle.js');
  const { guessSeries } = await import('./series-guess.js');
  const rst = await files.sibling('schedule.rst');
  const warnings: Problem[] = [];
  const seriesList = await files.seriesList();
  // The folder names the series, unless the file was saved elsewhere (~/Downloads/schedule.yaml).
  const { series, warning } = guessSeries(value, files.folder, seriesList);
  if (warning !== null) warnings.push({ path: '', message: warning });
  if (rst.text === null) {
    warnings.push({
      file: rst.label,
      path: '',
      message:
        'no such file beside the schedule; events are named from their labels and dated by their weeks',
    });
  }
  let input: UpstreamInput = {
    doc: value,
    series,
    rst: rst.text === null ? null : { text: rst.text, file: rst.label },
    seriesList,
    neighbours: [],
    prose,
    ...(lineOf ? { lineOf } : {}),
  };
  // The neighbours' pages, nearest first, only while a label has no section in the pages read.
  for (let [series] = neighbourPagesWanted(input); series; [series] = neighbourPagesWanted(input)) {
    const page = await files.neighbour(series, 'schedule.rst');
    input = {
      ...input,
      neighbours: [...(input.neighbours ?? []), { series, file: page.label, text: page.text }],
    };
  }
  const result = readUpstreamSchedule(input);
  return { ...result, warnings: [...warnings, ...result.warnings] };
}

export const upstreamSource: TimelineSource = {
  format: 'upstream',
  detect: isUpstreamSchedule,
  read: (document, files) => readUpstreamDocument(document, files),
};
