/**
 * Bytes → text for configuration files: strict UTF-8, an optional leading BOM, and no
 * characters that render invisibly or differently from how they parse.
 */
import type { Position } from '../core/errors.js';

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string; position: Position };

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Characters outside YAML's printable set (C0/C1 controls except tab, LF, CR and NEL; DEL;
 * U+FFFE/U+FFFF), plus a BOM after the start and the bidirectional overrides/isolates: the
 * latter render a line differently from its bytes in a pull-request diff ("Trojan Source",
 * CVE-2021-42574), and a reviewer must see what gets parsed.
 */
const FORBIDDEN_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFEFF\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/u;

/** 1-based line/column of a UTF-16 offset in `text` (columns count UTF-16 units, like editors). */
export function positionInText(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
 * overlongs, no surrogates, nothing above U+10FFFF), or -1. Only used to point at the error;
 * the decision itself is TextDecoder's.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

export function decodeConfigText(bytes: Uint8Array): DecodeResult {
  const hasBom = bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(body));
    const prefix = new TextDecoder('utf-8').decode(body.subarray(0, bad));
    return {
      ok: false,
      message: `not valid UTF-8 (byte 0x${(body[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad + (hasBom ? 3 : 0)}); save the file as UTF-8`,
      position: positionInText(prefix, prefix.length),
    };
  }
  const m = FORBIDDEN_CHAR.exec(text);
  if (m) {
    const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return {
      ok: false,
      message: `forbidden character U+${code} (control, invisible or bidirectional-override characters are not allowed)`,
      position: positionInText(text, m.index),
    };
  }
  return { ok: true, text };
}
