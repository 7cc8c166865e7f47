import { safeExternalUrl } from '../../shared/kernel/urls';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://rapport`;

/** No eval, no remote code; inline styles only because ag-grid and React style attributes need them. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface FrameLike {
  url: string;
  parent: unknown | null;
}

export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    // Custom schemes report origin "null"; rebuild it from protocol and host.
    return u.origin !== 'null' ? u.origin : `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** IPC is answered only for our own page in the top frame, never for a sub-frame or another origin. */
export function isTrustedSender(frame: FrameLike | null | undefined, trustedOrigins: readonly string[]): boolean {
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && trustedOrigins.includes(origin);
}

export interface NavigationEvent {
  preventDefault(): void;
}

export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: NavigationEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: NavigationEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Navigation away from the app and new windows are refused; an http(s) link
 * the user clicked opens in their browser instead.
 */
export function guardWebContents(contents: GuardableContents, trustedOrigins: readonly string[], openExternal: (url: string) => void): void {
  const stayInApp = (e: NavigationEvent, url: string) => {
    const origin = originOf(url);
    if (origin === null || !trustedOrigins.includes(origin)) e.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const safe = safeExternalUrl(url);
    if (safe) openExternal(safe);
    return { action: 'deny' };
  });
}

export interface PermissionSession {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
}

/** Camera, microphone, geolocation, notifications…: Rapport needs none, so every request is refused. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
