import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

/**
 * Debian's Chromium, or null when this machine has none: browser tests then say so and do
 * nothing, except under CI=true, where a missing browser is a failure.
 */
export function findChromium(): string | null {
  const found = CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
  if (!found) {
    if (process.env.CI === 'true') throw new Error('CI=true but no Chromium found: install Debian\'s chromium (apt-get install -y chromium)');
    console.warn('Browser tests skipped: no Chromium at /usr/bin/chromium (set CHROMIUM_PATH, or apt-get install -y chromium)');
  }
  return found;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium profile; `locale` sets navigator.language and Accept-Language. */
export async function launchBrowser(executablePath: string, options: { locale?: string; mobile?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'nguon-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    locale: options.locale ?? 'vi-VN',
    viewport: options.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
