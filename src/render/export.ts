// What `juno export` can write. Kept apart from the renderers so that declaring the command loads none of them.
export const EXPORT_FORMATS = ['ics', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
