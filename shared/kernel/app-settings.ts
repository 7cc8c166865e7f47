/** The languages Rapport speaks, in the order Settings offers them. */
export const APP_LANGUAGES = ['en', 'hu', 'fr', 'lt', 'th', 'ru'] as const;
export type AppLanguage = (typeof APP_LANGUAGES)[number];

/** Calendars dates can be shown in: the Buddhist era is the everyday one in Thailand. */
export const CALENDARS = ['gregory', 'buddhist'] as const;
export type Calendar = (typeof CALENDARS)[number];

/** The user's language and region, and progress through the first run: what every screen and file is formatted by. */
export interface AppSettings {
  /** Null until chosen: the first start takes the system's language. */
  language: AppLanguage | null;
  locale: string;
  currency: string;
  calendar: Calendar;
  onboarded: boolean;
}

/** The region a language starts with when the system's own is not one Rapport formats for. */
export const DEFAULT_LOCALE: Record<AppLanguage, string> = { en: 'en-GB', hu: 'hu-HU', fr: 'fr-FR', lt: 'lt-LT', th: 'th-TH', ru: 'ru-RU' };

/** The best of our languages for a list of system language tags ('hu-HU', 'fr'…); English when none fits. */
export function pickLanguage(tags: readonly string[]): AppLanguage {
  for (const tag of tags) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const hit = APP_LANGUAGES.find((l) => l === base);
    if (hit) return hit;
  }
  return 'en';
}

/** The calendar a region counts years in day to day: Thai dates are written in the Buddhist era. */
export function defaultCalendar(locale: string): Calendar {
  return /^th\b/i.test(locale) ? 'buddhist' : 'gregory';
}
