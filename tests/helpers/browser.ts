import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { resolveAppFile, responseHeaders } from '../../electron/main/app-protocol';
import { FORBIDDEN } from '../../electron/main/ipc';
import { isTrustedSender } from '../../electron/main/security';
import type { Platform } from '../../electron/platform';
import type { Router } from '../../electron/router';

const ROOT = join(__dirname, '..', '..');
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');
export const PRELOAD_FILE = join(ROOT, 'out', 'preload', 'index.js');
/** Stands in for app://rapport: Chromium will not load a custom scheme without Electron. */
export const TEST_ORIGIN = 'http://rapport.test';
export const SCREENSHOT_DIR = join(ROOT, 'tests', 'output', 'screenshots');

export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error("Debian's chromium is not installed: apt-get install chromium (or set CHROMIUM_PATH)");
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/**
 * The built preload, run in the page with `electron` replaced by a bridge to
 * the test process: the renderer gets exactly the window.api the app gives it.
 */
/**
 * Answers cross to the page as one JSON string: Playwright's own serialiser
 * walks a value node by node and took 20–40 s for the 50,000-client grid,
 * where Electron's structured clone takes milliseconds, so every large
 * screen measured the harness instead of the app. Typed arrays and the
 * numbers JSON cannot hold (NaN, ±Infinity) are tagged and rebuilt in the
 * page, so the page gets what Electron's IPC would give it.
 */
const TAG_ARRAY = '\u0001typed';
const TAG_NUMBER = '\u0001number';
export function toWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    // As its bytes in base64: a 50,000-row Float64Array as a list of numbers took a second to print and parse.
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return { [TAG_ARRAY]: v.constructor.name, b: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
    if (typeof v === 'number' && !Number.isFinite(v)) return { [TAG_NUMBER]: String(v) };
    return v;
  });
}
const FROM_WIRE = `const bytes = (b64) => {
      if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);
      const text = atob(b64);
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
      return out;
    };
    const fromWire = (text) => {
      const rebuild = (x) => {
        if (x === null || typeof x !== 'object') return x;
        if (Array.isArray(x)) { for (let i = 0; i < x.length; i++) if (x[i] !== null && typeof x[i] === 'object') x[i] = rebuild(x[i]); return x; }
        if (${JSON.stringify(TAG_ARRAY)} in x) return new globalThis[x[${JSON.stringify(TAG_ARRAY)}]](bytes(x.b).buffer);
        if (${JSON.stringify(TAG_NUMBER)} in x) return Number(x[${JSON.stringify(TAG_NUMBER)}]);
        for (const k of Object.keys(x)) x[k] = rebuild(x[k]);
        return x;
      };
      return typeof text === 'string' ? rebuild(JSON.parse(text)) : text;
    };`;

export function preloadScript(): string {
  if (!existsSync(PRELOAD_FILE)) throw new Error('out/preload/index.js is missing: run `npm run build` first');
  const source = readFileSync(PRELOAD_FILE, 'utf8');
  return `(() => {
    ${FROM_WIRE}
    const listeners = new Map();
    // Events main pushes arrive through page.evaluate(__rapportEmit): the preload's ipcRenderer.on sees them as Electron would deliver them.
    Object.defineProperty(window, '__rapportEmit', { value: (channel, payload) => { for (const l of listeners.get(channel) ?? []) l({}, payload); } });
    const electron = {
      contextBridge: { exposeInMainWorld: (key, value) => Object.defineProperty(window, key, { value, writable: false, configurable: false }) },
      ipcRenderer: {
        invoke: (channel, input) => window.__rapportInvoke(channel, input).then(fromWire),
        on: (channel, listener) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(listener); },
        removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
      },
    };
    const require = (name) => { if (name === 'electron') return electron; throw new Error('a sandboxed preload cannot require ' + name); };
    const module = { exports: {} };
    (function (module, exports, require) {\n${source}\n})(module, module.exports, require);
  })();`;
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Channel names the page called, in order: lets a test see what crossed the bridge. */
  calls: string[];
  /** Events pushed to the page, in order. */
  events: string[];
}

/** Pushes a contract event into the page, as main's webContents.send does. */
export type Emit = Platform['emit'];

/**
 * A page running the real renderer bundle, with its IPC answered by the
 * router over the same sender check main uses. Given a function, the router
 * is built with the `emit` that pushes events into this page.
 */
export async function openApp(browser: Browser, routerOrFactory: Router | ((emit: Emit) => Router), options: { locale?: string } = {}): Promise<AppPage> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, acceptDownloads: true, locale: options.locale ?? 'en-GB' });
  // Shorter than the test timeout, so a stuck step fails with Playwright's own account of what it waited for.
  context.setDefaultTimeout(10_000);
  const calls: string[] = [];
  const events: string[] = [];
  let page: Page | null = null;
  const emit: Emit = (name, payload) => {
    events.push(name);
    void page?.evaluate(([n, p]) => (globalThis as unknown as { __rapportEmit: (n: string, p: unknown) => void }).__rapportEmit(n, p), [name, payload] as const).catch(() => {});
  };
  const router = typeof routerOrFactory === 'function' ? routerOrFactory(emit) : routerOrFactory;
  await context.exposeBinding('__rapportInvoke', async (source, channel: unknown, input: unknown) => {
    const frame = { url: source.frame.url(), parent: source.frame.parentFrame() };
    if (!isTrustedSender(frame, [TEST_ORIGIN])) return FORBIDDEN;
    calls.push(String(channel));
    return toWire(await router.handle(channel, input));
  });
  await context.addInitScript({ content: preloadScript() });
  await context.route(`${TEST_ORIGIN}/**`, async (route) => {
    const file = resolveAppFile(RENDERER_DIR, route.request().url());
    if (!file || !existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
    await route.fulfill({ status: 200, headers: responseHeaders(file), body: readFileSync(file) });
  });
  page = await context.newPage();
  return { context, page, calls, events };
}
