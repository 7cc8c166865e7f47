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
});

// Keys are checked by the compiler: t('accounts:clients.title') must exist in the English resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}

export default i18n;
