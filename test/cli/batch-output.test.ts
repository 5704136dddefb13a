/** Where batch output goes: standard output in slices, a file only once written. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { processIo } from '../../src/cli/io.js';
import { fileDestination, stdoutDestination } from '../../src/cli/commands/batch-output.js';

describe('standard output', () => {
  it('takes more bytes than fit one slice, Chinese cut between slices included, and gives back the same text', async () => {
    const parts: string[] = [];
    const destination = stdoutDestination({ stdout: (t) => parts.push(t), stderr: () => {} });
    // 17 MB of three-byte characters: a slice boundary (16 MiB) falls inside one.
    const line = `${'符合'.repeat(1000)}\n`;
    const text = line.repeat(Math.ceil((17 * 1024 * 1024) / Buffer.byteLength(line)));
    await destination.writeBytes(new TextEncoder().encode(text));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(text);
  });

  it('hands bytes over unchanged when the Io takes bytes, and resolves only when they are written', async () => {
    const written: Uint8Array[] = [];
    let release: () => void = () => {};
    const destination = stdoutDestination({
      stdout: () => expect.unreachable('bytes must not be decoded to text'),
      stdoutBytes: (bytes) => new Promise<void>((resolve) => {
        written.push(bytes.slice());
        release = resolve;
      }),
      stderr: () => {},
    });
    const bytes = new TextEncoder().encode('row,户编号\r\n');
    let done = false;
    const writing = destination.writeBytes(bytes).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false); // the caller must not reuse the buffer yet
    release();
    await writing;
    expect(written).toEqual([bytes]);
  });
});

describe("the process's standard output", () => {
  it('is handed the bytes themselves, not text decoded from them', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(((_chunk: unknown, done?: () => void) => {
      done?.();
      return true;
    }) as typeof process.stdout.write);
    try {
      const bytes = new TextEncoder().encode('row,户编号\r\n');
      await processIo().stdoutBytes!(bytes);
      expect(write).toHaveBeenCalledTimes(1);
      expect(write.mock.calls[0][0]).toBe(bytes);
    } finally {
      write.mockRestore();
    }
  });
});

describe('a file', () => {
  it('has the bytes once writeBytes resolves, so their buffer can be reused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'longchang-out-'));
    const path = join(dir, 'out.csv');
    const destination = fileDestination(path);
    await destination.ready();
    const bytes = new TextEncoder().encode('row,户编号\r\n2,H1\r\n');
    await destination.writeBytes(bytes);
    // Reused at once: the file must hold what was there when it was written.
    bytes.fill(0x20);
    await destination.commit();
    expect(readFileSync(path, 'utf8')).toBe('row,户编号\r\n2,H1\r\n');
  });
});
