/** Files people write by hand (rules, profiles) are read as UTF-8, and anything else is said, at its first bad byte. */
import { makeIssue, type Issue } from './issues.js';
import { withExcerpt } from './yaml-source.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LOSSY = new TextDecoder('utf-8');
const SAVE_AS_UTF8 = '用编辑器把文件另存为 UTF-8（带不带 BOM 都可以） / save the file as UTF-8 (with or without a BOM)';

/** Whether the bytes read as GB18030 (GBK), as Excel and Notepad save text in China; false where Node lacks the decoder. */
function isGb18030(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The text of a rule or profile file, which must be UTF-8 (a BOM is
 * dropped). Anything else (GB18030 as Notepad or Excel save it in China,
 * UTF-16) is refused at its first byte that is not UTF-8: read anyway it
 * would give U+FFFD in names and targets, keys nobody wrote, or NULs.
 * `kind` names the file in the message (规则文件, 档案文件).
 */
export function decodeUtf8Text(bytes: Uint8Array, file: string, kind: string): { ok: true; text: string } | { ok: false; issue: Issue } {
  let text: string | undefined;
  try {
    text = UTF8.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined && !text.includes('\u0000')) return { ok: true, text };
  const lossy = text ?? UTF8_LOSSY.decode(bytes);
  const bomBytes = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // The lossy decoder puts one U+FFFD where each bad sequence starts; the first that is not a U+FFFD written in the file (EF BF BD) is at the first bad byte.
  let bad = -1;
  let badByte = 0;
  for (let at = lossy.indexOf('\ufffd'); at >= 0; at = lossy.indexOf('\ufffd', at + 1)) {
    const offset = bomBytes + Buffer.byteLength(lossy.slice(0, at), 'utf8');
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) continue;
    bad = at;
    badByte = bytes[offset];
    break;
  }
  // NUL is valid UTF-8 but never in a YAML file: it is how UTF-16 looks, with or without a BOM.
  const nul = lossy.indexOf('\u0000');
  const utf16 = nul >= 0 || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const looksLike = utf16 ? '，像是 UTF-16 编码' : isGb18030(bytes) ? '，像是 GB18030/GBK 编码' : '';
  if (nul >= 0 && (bad < 0 || nul < bad)) return { ok: false, issue: encodingIssue(lossy, nul, file, `含有 NUL 字符${looksLike}`, kind) };
  const found = `第一个无效字节 0x${badByte.toString(16).toUpperCase().padStart(2, '0')}${looksLike}`;
  return { ok: false, issue: encodingIssue(lossy, Math.max(bad, 0), file, found, kind) };
}

function encodingIssue(text: string, at: number, file: string, found: string, kind: string): Issue {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  const detail = `${found}；${kind}须保存为 UTF-8`;
  // NULs would reach the terminal through the excerpt; a middle dot keeps the caret's column.
  return withExcerpt({ text: text.replaceAll('\u0000', '·') }, makeIssue('ENCODING', detail, { file, line, column, hint: SAVE_AS_UTF8 }));
}

