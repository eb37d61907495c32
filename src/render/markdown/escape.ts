/**
 * Escaping for GitHub-flavoured Markdown written into PR comments and job summaries.
 *
 * Everything that comes from a pull request (reasons, tickets, logins, file names, messages
 * that quote them) goes through `text()` or `code()` so it renders inert:
 *   - no HTML: `<`, `>` and `&` become entities (so `&#64;` cannot smuggle an `@` either);
 *   - no Markdown: every other active ASCII punctuation character is backslash-escaped, so
 *     `[click](http://evil)`, `![x](y)`, emphasis, headings, nested lists and `$math$` stay text;
 *   - no mentions or cross-references: `@` and `#` before a word get a zero-width joiner, which
 *     GitHub's mention and issue-reference filters do not match (no one is notified);
 *   - no bare autolinks: `://` and `www.` get a zero-width space;
 *   - one line: line breaks and control characters become spaces, bidi overrides are dropped,
 *     so nothing can start a block of its own or disguise itself;
 *   - bounded: long values are cut with an ellipsis.
 * Pure: no I/O.
 */

const ZWJ = '\u200D';
const ZWSP = '\u200B';

/** Characters that are backslash-escaped in text (`<`, `>`, `&` become entities instead). */
const MARKDOWN_ACTIVE = /[\\`*_{}[\]()#+\-.!|~$]/;

/**
 * One line of plain characters: C0/C1 controls and line/paragraph separators become spaces,
 * bidirectional overrides and isolates are removed (they can make text read backwards).
 */
export function oneLine(input: string): string {
  return (
    input
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '')
  );
}

/** Cut to at most `max` UTF-16 code units (never splitting a surrogate pair), ending in `…` when cut. */
export function truncate(input: string, max: number): string {
  if (input.length <= max) return input;
  let cut = Math.max(0, max - 1);
  const code = input.charCodeAt(cut - 1);
  if (cut > 0 && code >= 0xd800 && code <= 0xdbff) cut--;
  return input.slice(0, cut) + '…';
}

/** Default cap for one user-supplied value in a comment. */
export const TEXT_MAX = 1000;

/** Inline Markdown text that renders exactly as `input` reads, and does nothing else. */
export function text(input: string, max: number = TEXT_MAX): string {
  const line = truncate(oneLine(input), max)
    // Break bare autolinks before escaping (the escapes would not stop GitHub's autolinker).
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`);
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const next = line[i + 1] ?? '';
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '@') out += `@${ZWJ}`;
    else if (ch === '#') out += /[A-Za-z0-9]/.test(next) ? `\\#${ZWJ}` : '\\#';
    else if (MARKDOWN_ACTIVE.test(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/**
 * A code span holding `input` literally: fenced with more backticks than any run inside, padded
 * when it starts or ends with a backtick or space. Code spans never link, mention or render HTML.
 * In a table cell (`inTable`), `|` is escaped as GFM requires (the backslash is not shown).
 */
export function code(input: string, opts: { inTable?: boolean; max?: number } = {}): string {
  let body = truncate(oneLine(input), opts.max ?? TEXT_MAX);
  if (body === '') return '` `';
  if (opts.inTable) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A link only when the URL is a plain http(s) URL that cannot break out of `(...)`; otherwise null. */
export function safeUrl(url: string | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+$/.test(url) && !/[()]/.test(url) ? url : null;
}

/** The first 7 characters of a commit id, or the escaped input when it is not hexadecimal. */
export function shortSha(sha: string): string {
  return /^[0-9a-f]{4,64}$/i.test(sha) ? sha.slice(0, 7).toLowerCase() : truncate(oneLine(sha), 12);
}

/** Plain text for places that render no Markdown (commit status descriptions, annotations). */
export function plain(input: string, max: number): string {
  return truncate(oneLine(input).replace(/\s+/g, ' ').trim(), max);
}

/** `1 approval`, `2 approvals`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Size in UTF-8 bytes (job summaries are limited in bytes). */
export function utf8Length(input: string): number {
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < input.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
