/** A one-line progress bar for long batch runs: rows done, rows per second, time left. */
import stringWidth from 'string-width';
import type { Lang } from './batch-table.js';

export interface ProgressState {
  phase: 'scan' | 'check';
  rows: number;
  totalRows?: number;
  bytes: number;
  totalBytes: number;
  /** Seconds since the phase started. */
  elapsed: number;
}

const WORDS = {
  zh: { scan: '分户', check: '核查', rows: '行', perSecond: '行/秒', left: '剩余' },
  en: { scan: 'grouping', check: 'checking', rows: 'rows', perSecond: 'rows/s', left: 'left' },
};

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The progress line within `columns` terminal columns, when known: a line
 * that wraps cannot be redrawn in place (a carriage return goes back to the
 * start of its last screen row only), so the bar shrinks, then goes, then
 * the line is cut.
 */
export function fitProgress(p: ProgressState, lang: Lang, columns: number | undefined): string {
  const full = formatProgress(p, lang);
  if (columns === undefined || stringWidth(full) < columns) return full;
  const room = columns - 1;
  const bar = 24 - (stringWidth(full) - room);
  if (bar >= 8) return formatProgress(p, lang, bar);
  const bare = formatProgress(p, lang, 0).replace(' [] ', ' ');
  if (stringWidth(bare) <= room) return bare;
  let out = '';
  for (const ch of bare) {
    if (stringWidth(out + ch) > room) break;
    out += ch;
  }
  return out;
}

export function formatProgress(p: ProgressState, lang: Lang, width = 24): string {
  const w = WORDS[lang];
  const fraction = p.totalRows ? p.rows / p.totalRows : p.totalBytes > 0 ? p.bytes / p.totalBytes : 0;
  const f = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(f * width);
  const rate = p.elapsed > 0 ? p.rows / p.elapsed : 0;
  // Nothing to go by until some time has passed: unknown, not “0:00 left”.
  const left = f > 0 && p.elapsed > 0 ? (p.elapsed / f) * (1 - f) : Infinity;
  const count = p.totalRows ? `${p.rows}/${p.totalRows}` : String(p.rows);
  return `${w[p.phase]} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.floor(f * 100)}% ${count} ${w.rows} ${Math.round(rate)} ${w.perSecond} ${w.left} ${duration(left)}`;
}
