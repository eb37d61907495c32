/**
 * The headless Chromium the browser tests drive through playwright-core, with no system install:
 *   1. GITGRANT_CHROMIUM, when set (a Chromium you already have);
 *   2. else the Chromium binary shipped inside the npm package `@sparticuz/chromium` (unpacked
 *      once into the OS temp folder by the package itself).
 * Playwright's own browser download is never used.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags for a closed network: no background connections, no sandbox (root in CI), headless. */
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The path of the Chromium binary to launch, or a clear error. */
export async function chromiumPath(): Promise<string> {
  const configured = process.env['GITGRANT_CHROMIUM'];
  if (configured !== undefined && configured.trim() !== '') {
    if (!existsSync(configured)) throw new Error(`GITGRANT_CHROMIUM=${configured}: no such file`);
    return configured;
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: FLAGS });
}
