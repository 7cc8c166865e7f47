import { CHANNELS } from '../../shared/contract';
import type { Result } from '../../shared/contract/result';
import type { Router } from '../router';
import { isTrustedSender, type FrameLike } from './security';

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: FrameLike | null }, input: unknown) => Promise<unknown>): void;
}

export const FORBIDDEN: Result<never> = { ok: false, error: { code: 'forbidden', key: 'common:errors.forbidden' } };

/** One ipcMain handler per contract channel, each checking who is asking before the router validates what. */
export function registerIpc(ipcMain: IpcMainLike, router: Router, trustedOrigins: readonly string[]): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input) => {
      if (!isTrustedSender(event.senderFrame, trustedOrigins)) return FORBIDDEN;
      return router.handle(channel, input);
    });
  }
}
