// The output formats each command offers. Kept apart from the renderers so that declaring the options does
// not load the libraries the renderers use.
export const SCHEDULE_FORMATS = ['table', 'json', 'csv', 'tsv', 'markdown'] as const;
export type ScheduleFormat = (typeof SCHEDULE_FORMATS)[number];

export const TEXT_OR_JSON = ['text', 'json'] as const;
export type TextOrJson = (typeof TEXT_OR_JSON)[number];

/** `juno countdown`: text or JSON, or with `--plain` the bare number of days. */
export type CountdownFormat = TextOrJson | 'plain';

/** `juno export`: a calendar for calendar apps, or a picture of the cycle. */
export const EXPORT_FORMATS = ['ics', 'svg'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `juno calendar` draws month grids only. */
export type CalendarFormat = 'text';

export const CHECK_FORMATS = ['text', 'json', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** `juno series`: the schedule's formats, and bare names one a line for scripts. */
export const SERIES_FORMATS = [...SCHEDULE_FORMATS, 'names'] as const;
export type SeriesFormat = (typeof SERIES_FORMATS)[number];

/** `juno series --about`: where the data came from, as text (the table format) or JSON. */
export const SERIES_ABOUT_FORMATS = ['table', 'json'] as const;
export type SeriesAboutFormat = (typeof SERIES_ABOUT_FORMATS)[number];

export const VALIDATE_FORMATS = TEXT_OR_JSON;
export type ValidateFormat = TextOrJson;

export const WEEKS_FORMATS = SCHEDULE_FORMATS;
export type WeeksFormat = ScheduleFormat;
