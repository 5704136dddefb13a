/**
 * CSV text for Excel: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte
 * order mark first so Excel opens Chinese text as UTF-8 rather than GBK.
 */

export const UTF8_BOM = '\uFEFF';

export function needsQuotes(text: string): boolean {
  return text.includes('"') || text.includes(',') || text.includes('\n') || text.includes('\r');
}

export function csvField(text: string): string {
  return needsQuotes(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated. Every cell is quoted as needed. */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ',';
    line += csvField(cells[i]);
  }
  return `${line}\r\n`;
}
