import type { Db } from '../../electron/db/connection';
import { createHandlers } from '../../electron/handlers';
import { createRouter } from '../../electron/router';
import type { Result } from '../../shared/contract/result';

/** Calls through the real router (validation included), as the renderer's do: `call` unwraps, `fail` expects an error. */
export function routerCalls(db: Db) {
  const router = createRouter(db, createHandlers({ version: 'test' }), () => {});
  const call = async <T = any>(channel: string, input?: unknown): Promise<T> => {
    const res = (await router.handle(channel, input)) as Result<T>;
    if (!res.ok) throw new Error(`${channel}: ${res.error.code}: ${res.error.message}`);
    return res.value;
  };
  const fail = async (channel: string, input?: unknown) => {
    const res = await router.handle(channel, input);
    if (res.ok) throw new Error(`${channel} should have failed`);
    return res.error;
  };
  return { call, fail };
}
