import i18next, { type i18n as I18n } from 'i18next';
import type { AppErrorShape } from '../shared/contract/result';
import { LANGUAGES, resources, type Language, type MessageKey } from '../shared/i18n';
import { render, type MessageParams } from '../shared/i18n/messages';

const instances = new Map<Language, I18n>();

/**
 * Main's own translators: the CLI prints English from the same keys the
 * renderer translates, and files main writes (the Excel report, exports)
 * speak the user's language, falling back to English key by key.
 */
function instance(lang: Language): I18n {
  let i = instances.get(lang);
  if (!i) {
    i = i18next.createInstance();
    void i.init({ resources: Object.fromEntries([['en', resources.en], [lang, resources[lang]]]), lng: lang, fallbackLng: 'en', defaultNS: 'common', interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
    instances.set(lang, i);
  }
  return i;
}

/** A language Rapport ships, or English for anything else (an old setting, a CLI flag). */
export const shippedLanguage = (lang: string | null | undefined): Language => ((LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as Language) : 'en');

/** A message in one language: `translate('hu', 'accounts:nouns.client')`. */
export function translate(lang: Language, key: MessageKey | string, params?: MessageParams): string {
  const i = instance(lang);
  return render((k, p) => i.t(k, p) as string, { key, params });
}

export function inEnglish(key: MessageKey | string, params?: MessageParams): string {
  return translate('en', key, params);
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
