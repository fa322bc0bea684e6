// The contract as a user meets it: in a Nix shell (SOURCE_DATE_EPOCH=315532800, 1980-01-01) juno still takes the
// machine's calendar date as today.
import { describe, expect, it } from 'vitest';
import { runJuno, SPAWN_GUARD } from '../helpers.js';

/** The UTC calendar date now (runJuno runs juno with TZ=UTC). */
const utcDay = () => new Date().toISOString().slice(0, 10);

describe('today in a spawned juno', () => {
  it(
    'SOURCE_DATE_EPOCH=315532800 juno schedule --format json reports the real today',
    SPAWN_GUARD,
    async () => {
      const before = utcDay();
      const result = await runJuno(['schedule', '--format', 'json'], {
        env: { SOURCE_DATE_EPOCH: '315532800' },
      });
      const after = utcDay();
      expect(result.code, result.stderr).toBe(0);
      // Either side of a midnight that may fall during the run.
      expect([before, after]).toContain((JSON.parse(result.stdout) as { today: string }).today);
    },
  );

  it('JUNO_DATE is today, and a bad one is exit 2 naming it', SPAWN_GUARD, async () => {
    const ok = await runJuno(['phase', '--format', 'json'], { env: { JUNO_DATE: '2014-09-21' } });
    expect(JSON.parse(ok.stdout)).toMatchObject({ today: '2014-09-21', phase: { id: 'feature-freeze' } });
    const bad = await runJuno(['phase'], { env: { JUNO_DATE: '21/09/2014' } });
    expect(bad).toEqual({
      stdout: '',
      stderr: 'juno: JUNO_DATE="21/09/2014": expected YYYY-MM-DD\njuno: hint: e.g. JUNO_DATE=2014-09-21\n',
      code: 2,
    });
  });
});
