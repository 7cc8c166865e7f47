import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { makeFormatters, type Formatters } from '../../../shared/kernel/format';
import type { AppSettings } from '../../../shared/kernel/app-settings';

interface SettingsValue {
  settings: AppSettings;
  fmt: Formatters;
}

const Ctx = createContext<SettingsValue | null>(null);

export function SettingsProvider({ settings, children }: { settings: AppSettings; children: ReactNode }) {
  const value = useMemo(() => ({ settings, fmt: makeFormatters(settings.locale, settings.currency, settings.calendar) }), [settings]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSettings(): SettingsValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSettings outside SettingsProvider');
  return v;
}

/** The settings where a component may also be shown outside the app's provider (then null: the component keeps its defaults). */
export function useSettingsIfAny(): AppSettings | null {
  return useContext(Ctx)?.settings ?? null;
}
