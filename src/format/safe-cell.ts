/**
 * Cells that a spreadsheet would run as a formula (CSV injection): text
 * starting with = + - @, a tab or a carriage return. They are kept, with a
 * leading apostrophe, as OWASP advises, so Excel shows the text and runs
 * nothing.
 */
export function startsFormula(text: string): boolean {
  const c = text.charCodeAt(0);
  // = + - @ TAB CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

export function neutraliseFormula(text: string): string {
  return startsFormula(text) ? `'${text}` : text;
}
