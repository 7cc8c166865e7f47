import { useEffect } from 'react';
import type { AppSettings } from '../../../shared/kernel/app-settings';
import { DEFAULT_LOCALE, defaultCalendar, pickLanguage } from '../../../shared/kernel/app-settings';
import { LOCALES } from '../../../shared/kernel/enums';
import { call } from '../lib/api';
import { applyLanguage } from './i18n';

/**
 * On the first start the language and the region follow the system's
 * (navigator.languages: Chromium's and Electron's locale list); the choice is
 * saved (with the region's everyday calendar), and from then on Settings decides. Every later start applies the
 * saved language.
 */
export function useLanguage(settings: AppSettings | undefined): void {
  useEffect(() => {
    if (!settings) return;
    if (settings.language) {
      applyLanguage(settings.language);
      return;
    }
    const system = navigator.languages?.length ? navigator.languages : [navigator.language];
    const language = pickLanguage(system);
    const locale = (system.find((l) => (LOCALES as readonly string[]).includes(l)) as (typeof LOCALES)[number] | undefined) ?? (DEFAULT_LOCALE[language] as (typeof LOCALES)[number]);
    applyLanguage(language);
    // Only a first start writes: a saved locale is the user's own choice.
    void call('settings.update', settings.onboarded ? { language } : { language, locale, calendar: defaultCalendar(locale) }).catch(() => {});
  }, [settings?.language, settings?.onboarded]);
}
