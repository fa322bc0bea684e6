// GitHub Actions' job summary: GITHUB_STEP_SUMMARY names a file that every step of a job may append Markdown to,
// shown on the job's page. Loaded only when the variable is set.
import { appendFile } from 'node:fs/promises';
import { writeFailureWords } from './errno.js';
import { fileLabel } from './read.js';

/** Why the summary file cannot be appended to, in words: what this file says better, else the common words. */
const SUMMARY_FAILURES: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'its folder does not exist',
  EISDIR: 'it is a folder',
};

/**
 * Appends `markdown` to the file: it holds the summaries of earlier steps, so it is appended to, never replaced.
 * Failing to write it is a warning (returned), not a failure of the command.
 */
export async function appendStepSummary(file: string, markdown: string): Promise<string | null> {
  try {
    await appendFile(file, markdown, 'utf8');
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = SUMMARY_FAILURES[code] ?? writeFailureWords(error) ?? (error as Error).message;
    return `warning: cannot append the summary to GITHUB_STEP_SUMMARY (${fileLabel(file)}): ${reason}`;
  }
}
