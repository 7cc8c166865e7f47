import { extname, join, normalize, relative, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Maps app://rapport/<path> to a file inside the renderer folder; null for anything that escapes it. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
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
