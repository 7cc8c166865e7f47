import type { settingsContract } from '../../../shared/features/settings/contract';
import { safeExternalUrl } from '../../../shared/kernel/urls';
import type { AppContext } from '../../context';
import { fieldError } from '../../errors';
import type { HandlersOf } from '../../handler-types';
import { clientCount } from '../accounts';
import { generateDemo } from './demo/generate';
import { getLayout, getSettings, saveLayout, updateSettings } from './service';

export function settingsHandlers(ctx: AppContext): HandlersOf<typeof settingsContract> {
  return {
    'app.info': (db) => ({ version: ctx.version, dbPath: db.path, clientCount: clientCount(db), settings: getSettings(db) }),
    'app.loadDemo': (db, input) => {
      const summary = generateDemo(db, { seed: input.seed, clients: input.clients, seeds: ctx.demoSeeds });
      updateSettings(db, { onboarded: true });
      return summary;
    },
    'app.startEmpty': (db) => updateSettings(db, { onboarded: true }),
    'app.openExternal': (_db, input) => {
      const url = safeExternalUrl(input.url);
      if (!url) throw fieldError('url', 'settings:errors.onlyWebLinks');
      ctx.platform.openExternal(url);
      return null;
    },
    'settings.get': (db) => getSettings(db),
    'settings.update': (db, input) => updateSettings(db, input),
    'layouts.get': (db, input) => getLayout(db, input.key),
    'layouts.save': (db, input) => saveLayout(db, input.key, input.state),
  };
}
