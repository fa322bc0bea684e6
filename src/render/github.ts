// GitHub Actions workflow commands (`::error title=…::message`), which the runner reads from a step's output and
// shows as annotations. Kept apart from the check renderers so that juno's one catch can annotate a failure of
// `check --format github` without loading them.

/** Workflow-command data escaping: the message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property escaping: a value such as `title=`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** One annotation, a line; the message may span lines (the runner shows them). */
export function annotation(level: AnnotationLevel, title: string, message: string): string {
  return `::${level} title=${escapeProperty(title)}::${escapeData(message)}\n`;
}
