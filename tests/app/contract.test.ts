import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { CHANNELS, contract } from '../../shared/contract';
import { emptyDatabase } from '../helpers/db';
import { english } from '../helpers/router';

const exposed = vi.hoisted(() => ({
  key: '',
  api: {} as Record<string, (input?: unknown) => Promise<unknown>>,
  invoked: [] as unknown[][],
  all: new Map<string, any>(),
  listeners: new Map<string, (e: unknown, p: unknown) => void>(),
}));
vi.mock('electron', () => ({
  // The api is recorded as `exposed.api`; every exposed object (api and events) also in `all`.
  contextBridge: { exposeInMainWorld: (key: string, value: never) => (exposed.all.set(key, value), key === 'api' && Object.assign(exposed, { key, api: value })) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => (exposed.invoked.push(args), Promise.resolve('sent')),
    on: (channel: string, l: (e: unknown, p: unknown) => void) => exposed.listeners.set(channel, l),
    removeListener: (channel: string) => exposed.listeners.delete(channel),
  },
}));

describe('the contract', () => {
  it('names every invoke channel feature.verb', () => {
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
  });

  it('marks reads as not refreshing and every write as refreshing other screens', () => {
    for (const c of CHANNELS) {
      const verb = c.split('.')[1];
      if (['list', 'get', 'info', 'summary', 'names'].includes(verb)) expect(contract[c].refreshes, c).toBe(false);
      if (['create', 'update', 'archive', 'restore', 'addField', 'updateField', 'archiveField', 'loadDemo', 'startEmpty'].includes(verb)) expect(contract[c].refreshes, c).toBe(true);
    }
    expect(contract['settings.update'].refreshes).toBe(true);
    expect(contract['layouts.save'].refreshes).toBe(false);
    expect(contract['app.openExternal'].refreshes).toBe(false);
  });

  it('has exactly one handler per channel', () => {
    expect(Object.keys(createHandlers({ version: 't' })).sort()).toEqual([...CHANNELS].sort());
  });

  it('every channel refuses malformed input with a clear invalid_input error, before any service runs', async () => {
    const db = emptyDatabase();
    const router = createRouter(db, createHandlers({ version: 't' }), () => {});
    for (const channel of CHANNELS) {
      for (const bad of ['nonsense', 42, [], { id: 'seven' }, { unexpected: true }]) {
        const res = await router.handle(channel, bad);
        expect(res.ok, `${channel} accepted ${JSON.stringify(bad)}`).toBe(false);
        if (res.ok) continue;
        expect(res.error.code).toBe('invalid_input');
        expect(english(res.error).message.length).toBeGreaterThan(5);
      }
    }
    expect((db.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n).toBe(0);
  });

  it('refuses unknown channels, including prototype names', async () => {
    const router = createRouter(emptyDatabase(), createHandlers({ version: 't' }));
    for (const c of ['clients.drop', 'constructor', '__proto__', 'toString', 42]) {
      expect(await router.handle(c, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('hides internal errors behind a calm message and logs them', async () => {
    const db = emptyDatabase();
    const logged: unknown[] = [];
    const router = createRouter(db, createHandlers({ version: 't' }), (e) => logged.push(e));
    db.sqlite.close();
    const res = await router.handle('clients.list', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toHaveLength(1);
  });

  it('opens only http(s) links in the browser', async () => {
    const opened: string[] = [];
    const router = createRouter(emptyDatabase(), createHandlers({ version: 't', platform: { openExternal: (u) => opened.push(u) } }));
    expect(await router.handle('app.openExternal', { url: 'https://example.com' })).toEqual({ ok: true, value: null });
    expect(await router.handle('app.openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(opened).toEqual(['https://example.com/']);
  });

  it('input schemas are zod schemas the renderer can reuse', () => {
    expect(contract['clients.create'].input.safeParse({ name: 'A' }).success).toBe(true);
    expect(contract['clients.create'].input.safeParse({ name: '' }).success).toBe(false);
  });
});

describe('the preload', () => {
  it('exposes exactly the contract channels as window.api, each forwarding to ipcRenderer.invoke', async () => {
    await import('../../electron/preload/index');
    expect(exposed.key).toBe('api');
    expect(Object.keys(exposed.api).sort()).toEqual([...CHANNELS].sort());
    expect(Object.isFrozen(exposed.api)).toBe(true);
    expect(await exposed.api['clients.get']({ id: 3 })).toBe('sent');
    expect(exposed.invoked).toEqual([['clients.get', { id: 3 }]]);
    expect([...exposed.all.keys()].sort()).toEqual(['api', 'events']);
  });

  it('exposes events as subscriptions to the contract\'s event names only, never ipcRenderer', async () => {
    await import('../../electron/preload/index');
    const events = exposed.all.get('events');
    expect(Object.keys(events)).toEqual(['on']);
    const seen: unknown[] = [];
    const off = events.on('data.changed', (p: unknown) => seen.push(p));
    exposed.listeners.get('data.changed')!({}, { tags: ['clients'] });
    expect(seen).toEqual([{ tags: ['clients'] }]);
    off();
    expect(exposed.listeners.has('data.changed')).toBe(false);
    expect(() => events.on('ipc.anything', () => {})).toThrow(/Unknown event/);
  });
});
