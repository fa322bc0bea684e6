// Text into markup: the SVG picture (svg.ts) and the page `juno publish` writes (publish.ts), which is HTML5 written
// as well-formed XML. One escaping serves both, so that data never becomes markup in either.
import { oneLine } from '../timeline/text.js';

/**
 * Text as XML (or HTML) text or an attribute's value: on one line, without the characters XML 1.0 forbids (oneLine
 * removes the control characters and turns an unpaired surrogate into U+FFFD; U+FFFE and U+FFFF are removed here),
 * and the five characters that could end text or an attribute written as references.
 */
export function escapeXml(text: string): string {
  return oneLine(text)
    .replace(/[\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
