import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { APP_HOST, appResponse, resolveAppFile, responseHeaders } from '../../electron/main/app-protocol';
import { registerIpc } from '../../electron/main/ipc';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY, denyAllPermissions, guardWebContents, isTrustedSender } from '../../electron/main/security';
import { windowOptions } from '../../electron/main/window';
import type { Router } from '../../electron/router';
import { CHANNELS } from '../../shared/contract';

const TRUSTED = [APP_ORIGIN];

describe('window options', () => {
  it('isolates and sandboxes the renderer', () => {
    const w = windowOptions('/app/preload.js').webPreferences!;
    expect(w).toMatchObject({
      preload: '/app/preload.js', contextIsolation: true, sandbox: true, nodeIntegration: false,
      nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false,
    });
  });
});

describe('sender check', () => {
  it('answers only our own page in the top frame', () => {
    expect(isTrustedSender({ url: 'app://rapport/index.html#/clients', parent: null }, TRUSTED)).toBe(true);
    expect(isTrustedSender({ url: 'app://rapport/index.html', parent: {} }, TRUSTED)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, TRUSTED)).toBe(false);
    expect(isTrustedSender({ url: 'app://rapport.evil/index.html', parent: null }, TRUSTED)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/index.html', parent: null }, TRUSTED)).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null }, TRUSTED)).toBe(false);
    expect(isTrustedSender(null, TRUSTED)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, [...TRUSTED, 'http://localhost:5173'])).toBe(true);
  });

  it('registers one handler per channel and refuses untrusted senders before routing', async () => {
    const handlers = new Map<string, (e: unknown, input: unknown) => Promise<unknown>>();
    const routed: string[] = [];
    const router: Router = { handle: async (channel) => (routed.push(String(channel)), { ok: true, value: 'routed' }) };
    registerIpc({ handle: (c, fn) => handlers.set(c, fn as never) }, router, TRUSTED);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const list = handlers.get('clients.list')!;
    expect(await list({ senderFrame: { url: 'app://rapport/index.html', parent: null } }, {})).toEqual({ ok: true, value: 'routed' });
    expect(await list({ senderFrame: { url: 'app://rapport/index.html', parent: {} } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await list({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await list({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(routed).toEqual(['clients.list']);
  });
});

describe('navigation, new windows and permissions', () => {
  function fakeContents() {
    const listeners: Record<string, (e: { preventDefault(): void }, url?: string) => void> = {};
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    return {
      on: (event: string, fn: (e: { preventDefault(): void }, url?: string) => void) => (listeners[event] = fn),
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
      fire(event: string, url?: string) {
        const e = { prevented: false, preventDefault() { this.prevented = true; } };
        listeners[event](e, url);
        return e.prevented;
      },
      open: (url: string) => openHandler!({ url }),
    };
  }

  it('keeps the window on the app and sends safe links to the browser', () => {
    const contents = fakeContents();
    const opened: string[] = [];
    guardWebContents(contents as never, TRUSTED, (u) => opened.push(u));
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://rapport/index.html')).toBe(false);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.open('https://example.com/page')).toEqual({ action: 'deny' });
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.open('https://bank.example@evil.example/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/page']);
  });

  it('denies every permission request and check', () => {
    let request: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | undefined;
    let check: ((...a: unknown[]) => boolean) | undefined;
    denyAllPermissions({ setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) });
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const cb = vi.fn();
      request!(null, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(check!(null, p)).toBe(false);
    }
  });
});

describe('app protocol', () => {
  const dir = '/app/out/renderer';
  it('serves files inside the renderer folder only', () => {
    expect(resolveAppFile(dir, 'app://rapport/')).toBe('/app/out/renderer/index.html');
    expect(resolveAppFile(dir, 'app://rapport/assets/index.js')).toBe('/app/out/renderer/assets/index.js');
    // The URL parser folds dot segments (also %2e%2e) before we see them: they cannot climb out.
    expect(resolveAppFile(dir, 'app://rapport/../../etc/passwd')).toBe('/app/out/renderer/etc/passwd');
    expect(resolveAppFile(dir, 'app://rapport/%2e%2e/%2e%2e/etc/passwd')).toBe('/app/out/renderer/etc/passwd');
    expect(resolveAppFile(dir, 'app://rapport/assets/..%2f..%2f..%2fsecret')).toBeNull();
    expect(resolveAppFile(dir, 'app://rapport/a%00b')).toBeNull();
  });

  it('sends the CSP with every response, and it forbids eval and remote code', () => {
    expect(responseHeaders('/x/index.html')['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(responseHeaders('/x/a.js')['content-type']).toBe('text/javascript; charset=utf-8');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('answers its own host only, whatever the path', async () => {
    expect(APP_HOST).toBe('rapport');
    expect(resolveAppFile(dir, 'app://evil/index.html', APP_HOST)).toBeNull();
    expect(resolveAppFile(dir, 'app://rapport.evil/index.html', APP_HOST)).toBeNull();
    expect(resolveAppFile(dir, 'app://rapport/index.html', APP_HOST)).toBe('/app/out/renderer/index.html');
    const built = join(__dirname, '..', '..', 'out', 'renderer');
    for (const url of ['app://evil/index.html', 'app://127.0.0.1/index.html', 'app://rapport:8080/index.html', 'not a url']) {
      expect((await appResponse({ url }, built, null)).status, url).toBe(404);
    }
  });

  it('serves the built page with the CSP, as Electron would hand it to the window', async () => {
    const built = join(__dirname, '..', '..', 'out', 'renderer');
    const res = await appResponse({ url: 'app://rapport/index.html' }, built, null);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toMatch(/<script[^>]+src=/);
    // The unlock page exists only while main waits for a key.
    expect((await appResponse({ url: 'app://rapport/unlock' }, built, null)).status).toBe(404);
  });
});
