declare const __JUNO_VERSION__: string | undefined;

/** Set by the build from package.json; "dev" when running from source. */
export const VERSION: string = typeof __JUNO_VERSION__ === 'string' ? __JUNO_VERSION__ : 'dev';
