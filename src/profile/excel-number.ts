/**
 * A long number as Excel shows it in a number cell and saves it to CSV:
 * E notation (5.11083E+17). Excel keeps 15 significant digits and shows
 * fewer, so such text has lost digits: an ID number or a household id in
 * this form cannot be read back.
 */
const E_NOTATION = /^[1-9](?:\.[0-9]+)?[Ee]\+?0*([0-9]+)$/;

/** Whether `text` is a number in E notation whose exponent is at least `minExponent` (the digits it stands for, less one). */
export function isExcelENotation(text: string, minExponent: number): boolean {
  // It runs on every roster row's household id: most have no E at all.
  if (text.indexOf('E') < 0 && text.indexOf('e') < 0) return false;
  const exponent = E_NOTATION.exec(text.trim())?.[1];
  return exponent !== undefined && Number(exponent) >= minExponent;
}
