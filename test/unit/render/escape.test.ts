import {
  code,
  plain,
  safeUrl,
  shortSha,
  text,
  truncate,
  utf8Length,
} from '../../../src/render/markdown/escape.js';

describe('markdown escaping', () => {
  test('text: HTML, Markdown, mentions and autolinks are inert', () => {
    expect(text('@acme/everyone <img src=x> [click](http://evil)')).toBe(
      '@\u200Dacme/everyone &lt;img src=x&gt; \\[click\\]\\(http:\u200B//evil\\)',
    );
    expect(text('a & b')).toBe('a &amp; b');
    expect(text('*bold* _it_ ~s~ `c` | \\')).toBe('\\*bold\\* \\_it\\_ \\~s\\~ \\`c\\` \\| \\\\');
    expect(text('see www.evil.com and #12')).toBe('see www\u200B\\.evil\\.com and \\#\u200D12');
  });

  test('text: one line, no bidi overrides, bounded', () => {
    expect(text('a\nb\r\nc\u2028d')).toBe('a b  c d');
    expect(text('abc\u202Edef')).toBe('abcdef');
    expect(text('x'.repeat(50), 10)).toBe('xxxxxxxxx…');
  });

  test('code: fences longer than any backtick run, pipes escaped in tables', () => {
    expect(code('env=production')).toBe('`env=production`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(code('a|b', { inTable: true })).toBe('`a\\|b`');
    expect(code('a|b')).toBe('`a|b`');
    expect(code('')).toBe('` `');
    expect(code('two\nlines')).toBe('`two lines`');
  });

  test('urls, shas, plain text, sizes', () => {
    expect(safeUrl('https://github.com/acme/x/actions/runs/1')).toBe(
      'https://github.com/acme/x/actions/runs/1',
    );
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('https://x.test/a)b')).toBeNull();
    expect(safeUrl('https://x.test/a b')).toBeNull();
    expect(shortSha('C0FFEE1234')).toBe('c0ffee1');
    expect(plain(' a\n  b ', 10)).toBe('a b');
    expect(truncate('😀😀😀', 4)).toBe('😀…');
    expect(utf8Length('aé😀')).toBe(1 + 2 + 4);
  });
});
