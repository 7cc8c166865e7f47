import type { EventName, PayloadOf } from '../shared/contract/events';

/**
 * The OS's secret store (Electron's safeStorage: Keychain, DPAPI,
 * libsecret/kwallet). `protection` says how well it guards what it seals:
 * 'weak' is Linux without a keyring (a fixed password), 'none' no store.
 */
export interface SecretStore {
  protection(): 'os' | 'weak' | 'none';
  /** The secret sealed for this user on this computer; throws when there is no store. */
  seal(secret: string): Uint8Array;
  /** Throws when the sealed bytes were made elsewhere (another computer or user) or are damaged. */
  unseal(sealed: Uint8Array): string;
}

/**
 * What the app asks of the operating system. Electron's dialogs and shell in
 * the app (electron/main/platform.ts), fakes in tests, nothing in the CLI:
 * features receive it, never import Electron.
 */
export interface Platform {
  /** Opens a vetted http(s) address in the user's browser. */
  openExternal(url: string): void;
  /** The system's open dialog for an import file; null when closed. */
  chooseImportFile(): Promise<string | null>;
  /** The system's save dialog for an export; null when closed. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Pushes a contract event to the window (job progress, data changed). */
  emit<E extends EventName>(name: E, payload: PayloadOf<E>): void;
  /**
   * Renders a self-contained HTML document (inline styles, data: images) to
   * PDF with Chromium's print engine: Electron's printToPDF in the app,
   * Playwright's page.pdf in tests; null where there is no engine (the CLI).
   */
  printToPdf(html: string, opts?: { landscape?: boolean; headerTemplate?: string; footerTemplate?: string }): Promise<Uint8Array | null>;
  /** Where the database key is kept on this computer; null where there is none (the CLI takes its key from a file). */
  secrets: SecretStore | null;
}

/** A platform that does nothing: dialogs answer "closed", events go nowhere. Tests replace what they need. */
export const quietPlatform: Platform = {
  openExternal: () => {},
  chooseImportFile: async () => null,
  chooseSavePath: async () => null,
  emit: () => {},
  printToPdf: async () => null,
  secrets: null,
};
