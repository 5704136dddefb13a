/**
 * Cells that say nothing. A roster fills a cell it has nothing for with a
 * slash or a dash (/, —, －, ——) as often as it leaves it empty; either is
 * unknown, never no (无 and 否 say no).
 */

/** Dash and slash characters a placeholder is made of. */
const PLACEHOLDER = /^[/\\／＼\-－—–─―]+$/;
/** By UTF-16 code: 1 for those characters. A typed array: this runs for every cell of a roster. */
const FIRST = new Uint8Array(65536);
for (const c of '/\\／＼-－—–─―') FIRST[c.charCodeAt(0)] = 1;

/** Whether a trimmed cell is only a placeholder: one look-up of its first character for nearly every cell. */
export function isPlaceholder(text: string): boolean {
  return FIRST[text.charCodeAt(0)] === 1 && PLACEHOLDER.test(text);
}

/** A value that gives no fact: absent, empty, blank or a placeholder, or a list of nothing but those (`[/]`; `[]` says none). */
export function isBlankValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length > 0 && value.every(isBlankValue);
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text === '' || isPlaceholder(text);
}
