import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, type Resources } from '../../../shared/i18n';

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en),
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
  // A key no language has is a bug the language tests look for in the console.
  saveMissing: true,
  missingKeyHandler: (_lngs, ns, key) => console.warn(`i18n: missing key ${ns}:${key}`),
});

// Keys are checked by the compiler: t('accounts:clients.title') must exist in the English resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

/** Shows the window in `lang`; a language whose translation is not shipped yet falls back to English key by key. */
export function applyLanguage(lang: string): void {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export default i18n;
