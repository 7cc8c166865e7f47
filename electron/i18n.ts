import i18next, { type i18n as I18n } from 'i18next';
import type { AppErrorShape } from '../shared/contract/result';
import { resources, type MessageKey } from '../shared/i18n';
import { render, type MessageParams } from '../shared/i18n/messages';

let english: I18n | null = null;

/**
 * Main's own translator, in English: the CLI prints its messages from the
 * same keys the renderer translates, and files main writes (the Excel
 * report) start from here until they follow the user's language.
 */
function instance(): I18n {
  if (!english) {
    english = i18next.createInstance();
    void english.init({ resources: { en: resources.en }, lng: 'en', fallbackLng: 'en', defaultNS: 'common', interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
  }
  return english;
}

export function inEnglish(key: MessageKey | string, params?: MessageParams): string {
  const i = instance();
  return render((k, p) => i.t(k, p) as string, { key, params });
}

/**
 * An error as one English line, the way the CLI prints it. A refused input
 * ('common:errors.fields') lists each field's problem as "field: message".
 */
export function describeError(e: Pick<AppErrorShape, 'key' | 'params' | 'issues'>): string {
  if (e.key === 'common:errors.fields' && e.issues?.length) {
    return e.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${inEnglish(i.key, i.params)}` : inEnglish(i.key, i.params))).join('; ');
  }
  return inEnglish(e.key, e.params);
}
