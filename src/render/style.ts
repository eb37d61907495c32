/** Terminal styling: colour only on a TTY and never when NO_COLOR is set (no-color.org). */
import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

export interface Styler {
  (style: Style, text: string): string;
  enabled: boolean;
}

export function styler(stream: NodeJS.WriteStream | { isTTY?: boolean }, env = process.env): Styler {
  const enabled = !!stream.isTTY && !env.NO_COLOR && env.TERM !== 'dumb';
  const fn = ((style: Style, text: string) => (enabled ? styleText(style, text) : text)) as Styler;
  fn.enabled = enabled;
  return fn;
}

/** Length as seen on screen: ANSI colour escapes take no room. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/** Pad to a width, ignoring ANSI escapes, so columns line up when coloured. */
export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}
