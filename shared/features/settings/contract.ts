import { z } from 'zod';
import { command, empty, query } from '../../contract/define';
import { settingsUpdate } from './schemas';
import type { AppInfo, AppSettings, DemoSummary } from './types';

const layoutKey = z.string().regex(/^[a-z0-9.-]{1,60}$/);

/** The app as a whole (its info, demo data, links out), its settings and saved grid layouts. */
export const settingsContract = {
  'app.info': query<AppInfo>(['clients', 'settings'])(empty),
  'app.loadDemo': command<DemoSummary>(['*'])(z.strictObject({ seed: z.number().int().default(42), clients: z.number().int().min(1).max(500).default(200) }).default({ seed: 42, clients: 200 })),
  'app.startEmpty': command<AppSettings>(['settings'])(empty),
  'app.openExternal': query<null>()(z.strictObject({ url: z.string().max(2000) })),

  'settings.get': query<AppSettings>(['settings'])(empty),
  'settings.update': command<AppSettings>(['settings'])(settingsUpdate),
  'layouts.get': query<unknown>(['layouts'])(z.strictObject({ key: layoutKey })),
  // A saved layout changes nothing another screen shows.
  'layouts.save': command<null>([])(
    z.strictObject({
      key: layoutKey,
      // A grid's column state is a few kilobytes; anything far bigger is not a layout.
      state: z.unknown().refine((v) => JSON.stringify(v ?? null).length <= 64 * 1024, 'settings:errors.layoutTooBig'),
    }),
  ),
} as const;
