/**
 * Cells that say nothing. A roster fills a cell it has nothing for with a
 * slash or a dash (/, —, －, ——) as often as it leaves it empty; either is
 * unknown, never no (无 and 否 say no).
 */

/** Dash and slash characters a placeholder is made of. */
const PLACEHOLDER = /^[/\\／＼\-－—–─―]+$/;
const FIRST = new Set([...'/\\／＼-－—–─―'].map((c) => c.charCodeAt(0)));

/** Whether a trimmed cell is only a placeholder: a look-up of its first character for most cells. */
export function isPlaceholder(text: string): boolean {
  return text.length > 0 && FIRST.has(text.charCodeAt(0)) && PLACEHOLDER.test(text);
}

/** A value that gives no fact: absent, empty, blank or a placeholder, or a list of nothing but those (`[/]`; `[]` says none). */
export function isBlankValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length > 0 && value.every(isBlankValue);
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text === '' || isPlaceholder(text);
}
