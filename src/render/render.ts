// The one shape of every renderer: a command's view in, the text for stdout out. Each command has one registry
// of renderers per view, `satisfies Record<Format, Render<View>>`, so that a new format is one entry in it.
import type { Output } from './format.js';
import type { Style } from './style.js';

export type { Output };

export interface RenderOptions {
  readonly style: Style;
  /** The terminal's width when stdout is a terminal, for fitting text into it; null when it is not one. */
  readonly width: number | null;
}

export type Render<View> = (view: View, options: RenderOptions) => Output;

/**
 * Why a view holds nothing of what was asked for (a filter that matches no event, no event ahead). The view is
 * still rendered (JSON as a whole document, with its empty list or null); the CLI then exits 1 and prints this.
 */
export interface NothingMatched {
  message: string;
  hint: string | null;
}

/** A view that can match nothing: null when it holds what was asked for. */
export interface Selection {
  nothing: NothingMatched | null;
}
