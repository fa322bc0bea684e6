// What every command starts from: today, colour, and the timeline, resolved once from the global options.

import type { Style } from '../render/style.js';
import type { Day } from '../timeline/day.js';
import { type ColorChoice, decideColor, makeStyle } from './color.js';
import type { Io } from './io.js';
import { type LoadedTimeline, loadTimeline } from './load.js';
import { resolveToday } from './today.js';

export interface GlobalOptions {
  timeline?: string;
  date?: string;
  color: ColorChoice | boolean;
}

export interface Context {
  io: Io;
  today: Day;
  style: Style;
  /** The terminal width when stdout is a terminal, for fitting tables. */
  width: number | null;
  timelineFile: string | undefined;
  load(): Promise<LoadedTimeline>;
}

export async function makeContext(io: Io, options: GlobalOptions): Promise<Context> {
  const today = resolveToday(options.date, io.env, io.now());
  const choice: ColorChoice =
    options.color === false ? 'never' : options.color === true ? 'auto' : options.color;
  const style = await makeStyle(decideColor(choice, io.env, io.stdout.isTTY === true));
  let loaded: Promise<LoadedTimeline> | undefined;
  return {
    io,
    today,
    style,
    width: io.stdout.isTTY ? (io.stdout.columns ?? 80) : null,
    timelineFile: options.timeline,
    load: () => {
      loaded ??= loadTimeline(options.timeline);
      return loaded;
    },
  };
}
