import { type CheckJson, checkRenderers, checkResult } from '../../render/check.js';
import type { CheckFormat } from '../../render/formats.js';
import { type CheckRequest, type Condition, evaluate } from '../../timeline/check.js';
import { SCHEMA_VERSION } from '../../timeline/view.js';
import type { Context } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { CommandResult } from '../main.js';
import { resolveEvent } from '../resolve.js';

export interface CheckOptions {
  conditions: { condition: Condition; name: string }[];
  warnWithin: number | null;
  format: CheckFormat;
}

export async function checkCommand(ctx: Context, options: CheckOptions): Promise<CommandResult> {
  if (options.conditions.length === 0) {
    throw new UsageError(
      'no condition to check',
      'give --before, --until or --after EVENT (see juno check --help)',
    );
  }
  const { timeline } = await ctx.load();
  const requests: CheckRequest[] = options.conditions.map(({ condition, name }) => ({
    condition,
    event: resolveEvent(timeline, name),
  }));
  const results = requests.map((r) => checkResult(evaluate(r, ctx.today, options.warnWithin), ctx.today));
  const json: CheckJson = {
    schemaVersion: SCHEMA_VERSION,
    series: timeline.series,
    today: ctx.today,
    ok: results.every((r) => r.ok),
    results,
  };
  return {
    stdout: checkRenderers[options.format](json, ctx.style),
    exitCode: json.ok ? EXIT.ok : EXIT.failed,
  };
}
