/**
 * Cutting CSV bytes between records for the worker threads: papaparse must
 * read the pieces exactly as it reads the whole.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { withoutTrailingBlanks } from '../../src/household/parallel/chunks.js';
import { countLineEnds, cutSyntaxFor, lastRecordEnd } from '../../src/household/record-cuts.js';

const parse = (text: string, newline: '\r\n' | '\n') => {
  const rows = Papa.parse<string[]>(text, { delimiter: ',', newline }).data;
  // papaparse gives an empty last row after a final line end.
  return rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '' ? rows.slice(0, -1) : rows;
};

const cellText = fc.oneof(
  fc.constantFrom('', '张三', '低保、特困', 'a,b', 'say "hi"', '第一行\n第二行', '第一行\r\n第二行', ' ', '"', '""'),
  fc.string({ maxLength: 4 }),
);
const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
const cellCsv = fc.oneof(
  { weight: 8, arbitrary: cellText.chain((v) => (/[",\r\n]/.test(v) ? fc.constant(quote(v)) : fc.constantFrom(v, quote(v)))) },
  // Malformed quoting as hand-edited files have it: papaparse's reading of these must survive the cut too.
  { weight: 1, arbitrary: fc.constantFrom('ab"c', 'x"', '"abc"x', '"a"" b" ', '"a" ,') },
);
const csv = fc.tuple(
  fc.array(fc.array(cellCsv, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }),
  fc.constantFrom('\r\n' as const, '\n' as const),
);

/** Cuts text's bytes wherever lastRecordEnd allows, growing the window like the chunk reader does. */
function pieces(bytes: Uint8Array, newline: '\r\n' | '\n', window: number): Uint8Array[] {
  const syntax = cutSyntaxFor(',', newline)!;
  const out: Uint8Array[] = [];
  let start = 0;
  let size = window;
  while (start < bytes.length) {
    const end = Math.min(bytes.length, start + size);
    if (end === bytes.length) {
      out.push(bytes.subarray(start));
      break;
    }
    const cut = lastRecordEnd(bytes.subarray(start, end), syntax);
    if (cut < 0) {
      size *= 2;
      continue;
    }
    out.push(bytes.subarray(start, start + cut));
    start += cut;
    size = window;
  }
  return out;
}

describe('cutting CSV bytes between records', () => {
  it('papaparse reads the pieces as it reads the whole (UTF-8 and GB18030)', () => {
    fc.assert(
      fc.property(csv, fc.integer({ min: 1, max: 40 }), fc.boolean(), ([rows, newline], window, gb) => {
        const text = rows.map((r) => r.join(',')).join(newline) + newline;
        const bytes = gb ? new Uint8Array(iconv.encode(text, 'gb18030')) : new TextEncoder().encode(text);
        const decode = (b: Uint8Array) => (gb ? iconv.decode(Buffer.from(b), 'gb18030') : new TextDecoder().decode(b));
        const whole = parse(text, newline);
        const split = pieces(bytes, newline, window).flatMap((p) => parse(decode(p), newline));
        expect(split).toEqual(whole);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not cut inside a quoted cell that holds a line break', () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n2,z\r\n';
    const bytes = new TextEncoder().encode(text);
    const syntax = cutSyntaxFor(',', '\r\n')!;
    // The window ends inside the quoted cell: the cut falls after the header.
    expect(lastRecordEnd(bytes.subarray(0, text.indexOf('y')), syntax)).toBe(5);
    expect(lastRecordEnd(bytes, syntax)).toBe(bytes.length);
  });

  it('only cuts by bytes where that is safe', () => {
    expect(cutSyntaxFor('|', '\n')).toBeUndefined();
    expect(cutSyntaxFor(',', '\r')).toBeUndefined();
  });

  it('drops blank rows at the end of the file only, keeping the last row whole', () => {
    const kept = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      return new TextDecoder().decode(bytes.subarray(0, withoutTrailingBlanks(bytes, 0x2c)));
    };
    expect(kept('a,b\r\n,\r\n1,2\r\n,,\r\n\r\n')).toBe('a,b\r\n,\r\n1,2\r\n');
    expect(kept('a,b\n1,2 , \n , \n')).toBe('a,b\n1,2 , \n');
    expect(kept('a,b\r\n1,2')).toBe('a,b\r\n1,2');
    expect(kept(',,\r\n\r\n')).toBe('');
    // Empty quoted cells are blank too, but a quote left open is kept for the parser to report.
    expect(kept('a,b\r\n1,""\r\n"",""\r\n" ",\r\n')).toBe('a,b\r\n1,""\r\n');
    expect(kept('a,b\r\n1,2\r\n"\r\n,\r\n')).toBe('a,b\r\n1,2\r\n"\r\n');
    // Four quotes are a cell holding one quote: a row, not a blank one.
    expect(kept('a,b\r\n""""\r\n,\r\n')).toBe('a,b\r\n""""\r\n');
  });
});

describe('countLineEnds', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it.each<[string, string, boolean, number]>([
    ['LF lines', 'a,b\nc,d\n\ne', false, 3],
    ['CR LF lines; a bare LF is no line end there', 'a,b\r\nc\nd\r\n', true, 2],
    ['a line end first', '\r\nx\r\n', true, 2],
    ['nothing', 'abc', true, 0],
    ['a quoted line break counts too (the guess is then one too many)', 'a,"x\r\ny"\r\n', true, 2],
  ])('%s', (_name, text, crlf, expected) => {
    expect(countLineEnds(bytes(text), { delimiter: 0x2c, crlf })).toBe(expected);
  });
});
