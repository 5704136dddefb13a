/** ByteBuffer writes the same bytes as TextEncoder, across growth, and hands them out in a buffer of their own. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteBuffer, utf8 } from '../../src/format/byte-buffer.js';

/** Any UTF-16 code units, lone surrogates included. */
const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units));
const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), codeUnits, fc.constantFrom('张三', '符合', '待核实；', '😀𠀀', '\uD800', 'a\uDC00b', '\uDBFF\uDFFF'));

describe('ByteBuffer', () => {
  it('encodes text as TextEncoder does, lone surrogates as U+FFFD', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), (parts) => {
        const buffer = new ByteBuffer(1);
        for (const part of parts) buffer.text(part);
        expect(buffer.take()).toEqual(utf8(parts.join('')));
      }),
      { numRuns: 300 },
    );
  });

  it('encodes text unless it holds a stop character or a surrogate, and then writes nothing', () => {
    const stop = new Uint8Array(128);
    stop[0x2c] = 1;
    fc.assert(
      fc.property(fc.array(text, { maxLength: 10 }), (parts) => {
        const buffer = new ByteBuffer(1);
        let expected = '';
        for (const part of parts) {
          const plain = !part.includes(',') && !/[\uD800-\uDFFF]/.test(part);
          expect(buffer.textUnless(part, stop)).toBe(plain);
          if (plain) expected += part;
          buffer.byte(0x7c);
          expected += '|';
        }
        expect(buffer.take()).toEqual(utf8(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('writes whole numbers as their decimal digits', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(), fc.constantFrom(0, 9, 10, 99, 100, 2 ** 31, Number.MAX_SAFE_INTEGER)), { maxLength: 20 }), (numbers) => {
        const buffer = new ByteBuffer(1);
        for (const n of numbers) {
          buffer.uint(n);
          buffer.byte(0x2c);
        }
        expect(buffer.take()).toEqual(utf8(numbers.map((n) => `${n},`).join('')));
      }),
      { numRuns: 300 },
    );
  });

  it('grows across its capacity in the middle of multi-byte Chinese text', () => {
    for (let capacity = 1; capacity <= 40; capacity++) {
      const buffer = new ByteBuffer(capacity);
      let expected = '';
      for (let i = 0; i < 30; i++) {
        const part = '隆昌市基本公共服务'.slice(0, 1 + (i % 9)) + (i % 4 === 0 ? '😀' : '');
        buffer.text(part);
        buffer.byte(0x2c);
        buffer.bytes(utf8(`待核实${i}`));
        expected += `${part},待核实${i}`;
      }
      expect(buffer.size).toBe(utf8(expected).length);
      expect(new TextDecoder().decode(buffer.take())).toBe(expected);
    }
    // Exactly full, then empty text, then more.
    const full = new ByteBuffer(6);
    full.text('符合');
    full.text('');
    full.text('合');
    expect(new TextDecoder().decode(full.take())).toBe('符合合');
  });

  it('hands out a plain Uint8Array that owns exactly its bytes, then starts again empty', () => {
    const buffer = new ByteBuffer(8);
    buffer.text('第2行：空行');
    const first = buffer.take();
    expect(first.constructor).toBe(Uint8Array);
    expect(first.byteOffset).toBe(0);
    expect(first.buffer.byteLength).toBe(first.length);
    expect(buffer.size).toBe(0);
    buffer.text('xyz');
    // Later writes do not show through the bytes already taken.
    expect(new TextDecoder().decode(first)).toBe('第2行：空行');
    expect(new TextDecoder().decode(buffer.take())).toBe('xyz');
    expect(buffer.take().length).toBe(0);
  });

  it('hands over its bytes without copying, goes on in the spare buffer it is given, and copies ranges out of one', () => {
    const buffer = new ByteBuffer(16);
    buffer.text('0,甲,符合\r\n');
    const first = buffer.detach();
    expect(new TextDecoder().decode(first)).toBe('0,甲,符合\r\n');
    const spare = Buffer.alloc(32);
    buffer.text('0,乙\r\n');
    const second = buffer.detach(spare);
    // The first piece is untouched by later writes; the spare now holds the next bytes.
    buffer.text('xyz');
    expect(new TextDecoder().decode(first)).toBe('0,甲,符合\r\n');
    expect(new TextDecoder().decode(second)).toBe('0,乙\r\n');
    expect(spare.subarray(0, 3).toString()).toBe('xyz');
    buffer.take();
    // A row renumbered: the placeholder "0" left out, the rest copied.
    buffer.text('17');
    buffer.copyFrom(first, 1, first.length);
    expect(new TextDecoder().decode(buffer.take())).toBe('17,甲,符合\r\n');
  });
});
