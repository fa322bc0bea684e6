// juno keeps its code cache in the user's cache folder ($XDG_CACHE_HOME/juno). Every juno a test starts gets a
// folder of this run's own, removed at the end, so that tests neither share the developer's cache nor leave files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'juno-test-cache-'));
  process.env.XDG_CACHE_HOME = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
