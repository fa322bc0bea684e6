// Headless Chromium (Debian's package) driven by playwright-core, for the tests that look at what juno writes as a
// browser shows it: the SVG picture and the page of `juno publish`. Missing: a notice and the tests are skipped;
// required by `.ci/run` (JUNO_REQUIRE_EXTERNAL=1), a missing one fails them instead.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const required = process.env.JUNO_REQUIRE_EXTERNAL === '1';

/** Whether the tests that need Chromium run; a notice saying what is skipped when they do not. */
export function chromiumTests(skipped: string): boolean {
  if (!available && !required)
    console.warn(`NOTICE: ${CHROMIUM} is missing (apt-get install chromium); ${skipped}`);
  return available || required;
}

/**
 * A browser for the tests of the describe block this is called in: started before them with a fresh profile (so
 * that nothing from an earlier run or a person's browser leaks in) and the given window size, closed after them.
 */
// biome-ignore lint/suspicious/noExplicitAny: playwright-core's BrowserContext, loaded lazily
export function useChromium(viewport: { width: number; height: number }): () => any {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  let browser: any;
  let profile: string | undefined;
  beforeAll(async () => {
    if (!available) throw new Error(`${CHROMIUM} is missing and JUNO_REQUIRE_EXTERNAL=1 requires it`);
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'juno-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
      viewport,
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });
  return () => browser;
}
