import type { Db } from '../../electron/db/connection';
import { createHandlers, type AppOptions } from '../../electron/app';
import { describeError, inEnglish } from '../../electron/i18n';
import { createRouter } from '../../electron/router';
import type { AppErrorShape, Result } from '../../shared/contract/result';

/** An error as a person reads it: the shape main sends, plus its English text and each issue's. */
type Issue = NonNullable<AppErrorShape['issues']>[number];
export type EnglishError = Omit<AppErrorShape, 'issues'> & { message: string; issues?: (Issue & { message: string })[] };

export function english(e: AppErrorShape): EnglishError {
  const { issues, ...rest } = e;
  return { ...rest, message: describeError(e), ...(issues ? { issues: issues.map((i) => ({ ...i, message: inEnglish(i.key, i.params) })) } : {}) };
}

/** Calls through the real router (validation included), as the renderer's do: `call` unwraps, `fail` expects an error. */
export function routerCalls(db: Db, options: Partial<AppOptions> = {}) {
  const router = createRouter(db, createHandlers({ version: 'test', ...options }), () => {});
  const call = async <T = any>(channel: string, input?: unknown): Promise<T> => {
    const res = (await router.handle(channel, input)) as Result<T>;
    if (!res.ok) throw new Error(`${channel}: ${res.error.code}: ${describeError(res.error)}`);
    return res.value;
  };
  const fail = async (channel: string, input?: unknown): Promise<EnglishError> => {
    const res = await router.handle(channel, input);
    if (res.ok) throw new Error(`${channel} should have failed`);
    return english(res.error);
  };
  return { call, fail };
}
