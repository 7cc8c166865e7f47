import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

/** The one host app:// answers: app://rapport/… (anything else is refused, whatever the path). */
export const APP_HOST = 'rapport';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Maps app://rapport/<path> to a file inside the renderer folder; null for
 * anything that escapes it, and, when `host` is given, for any other host
 * (the browser tests serve the same files from their own stand-in origin).
 */
export function resolveAppFile(rendererDir: string, requestUrl: string, host?: string): string | null {
  let pathname: string;
  try {
    const url = new URL(requestUrl);
    if (host !== undefined && url.host !== host) return null;
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const file = normalize(join(rendererDir, pathname === '/' ? 'index.html' : pathname));
  const rel = relative(rendererDir, file);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) return null;
  return file;
}

export function responseHeaders(file: string): Record<string, string> {
  return {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  };
}

/** While the database waits for its passphrase: the unlock page, and what to do with what was typed. */
export interface Unlocker {
  page: { html: string; script: string };
  attempt(secret: string): Promise<{ ok: true } | { ok: false; message: string }>;
  quit(): void;
}

export interface AppRequest {
  url: string;
  method?: string;
  text?(): Promise<string>;
}

const notFound = () => new Response('Not found', { status: 404 });
const headers = (type: string) => ({ 'content-type': type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });

/**
 * Everything app:// answers: the renderer's files from its own host only,
 * with the CSP on every response, and the unlock page while one is shown.
 */
export async function appResponse(request: AppRequest, rendererDir: string, unlock: Unlocker | null): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return notFound();
  }
  if (url.host !== APP_HOST) return notFound();
  if (unlock && url.pathname.startsWith('/unlock')) {
    if (request.method === 'POST' && url.pathname === '/unlock') {
      const secret = ((await request.text?.()) ?? '').slice(0, 2000);
      return new Response(JSON.stringify(await unlock.attempt(secret)), { headers: headers('application/json') });
    }
    if (request.method === 'POST' && url.pathname === '/unlock/quit') return unlock.quit(), new Response('{}', { headers: headers('application/json') });
    if (url.pathname === '/unlock') return new Response(unlock.page.html, { headers: headers(TYPES['.html']) });
    if (url.pathname === '/unlock.js') return new Response(unlock.page.script, { headers: headers(TYPES['.js']) });
    return notFound();
  }
  const file = resolveAppFile(rendererDir, request.url, APP_HOST);
  if (!file) return notFound();
  try {
    return new Response(await readFile(file), { headers: responseHeaders(file) });
  } catch {
    return notFound();
  }
}
