// `juno export`'s file formats: a calendar for calendar apps, or a picture of the cycle.

import { oneLine } from '../timeline/text.js';
import type { ExportFormat } from './formats.js';
import { renderIcsPieces } from './ics.js';
import type { Render } from './render.js';
import { renderTimelineSvg } from './svg.js';
import type { ExportView } from './views/export.js';

export const exportRenderers = {
  ics: (view) => renderIcsPieces(view),
  svg: (view) =>
    renderTimelineSvg(view.timeline, view.today, view.name === null ? {} : { title: oneLine(view.name) }),
} satisfies Record<ExportFormat, Render<ExportView>>;
