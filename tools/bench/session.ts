// The browser the bench measures in (a copy of the build, launched against the stand-in), and the machine.

import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import { type BrowserContext, type Worker } from 'playwright-core';
import { launchExtension } from '../../tests/support/extension';
import { type StandIn } from '../../tests/support/standin';

export interface Session {
  context: BrowserContext;
  origin: string;
  worker: Worker;
  close(): Promise<void>;
}

/** Launches a copy of the build (the one with the extra blank page). */
export async function launch(dir: string, hf: StandIn): Promise<Session> {
  const ext = await launchExtension({ port: hf.port, extensionDir: dir });
  return {
    context: ext.context,
    origin: `chrome-extension://${ext.extensionId}`,
    worker: await ext.sw(),
    close: () => ext.close(),
  };
}

export async function chromiumVersion(context: BrowserContext): Promise<string> {
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const v = (await cdp.send('Browser.getVersion')) as { product: string };
    await page.close();
    return v.product;
  } catch {
    const { stdout } = await promisify(execFile)(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']);
    return stdout.trim();
  }
}

export function cpuModel(): string {
  const fromOs = os.cpus()[0]?.model?.trim();
  return fromOs || 'unknown CPU';
}
