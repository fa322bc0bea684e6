// Modules only some commands need, loaded on first use so that start-up stays cheap.

/** The yaml library. Bundled, a CommonJS module's dynamic import yields only a default export. */
export async function loadYaml(): Promise<typeof import('yaml')> {
  const mod = await import('yaml');
  return (mod as unknown as { default?: typeof mod }).default ?? mod;
}
