import i18next from 'i18next';
import { LANGUAGES, resources, type Language, type MessageKey } from '../../../shared/i18n';
import { render, type Message } from '../../../shared/i18n/messages';

export type Translate = (key: MessageKey, params?: Record<string, unknown>) => string;

const translators = new Map<Language, Translate>();

/**
 * A translator for the files main writes in the user's language (the meeting
 * brief). A language whose texts are not switched on yet gives English,
 * exactly as the window does.
 */
export function translatorFor(lang: string | null): Translate {
  const language: Language = (LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as Language) : 'en';
  let t = translators.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({ resources, lng: language, fallbackLng: 'en', defaultNS: 'common', interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
    t = (key, params) => instance.t(key, params) as string;
    translators.set(language, t);
  }
  return t;
}

/** A message (a key with parameters, some of them messages) in that language. */
export const sayIn = (t: Translate, m: Message): string => render((k, p) => t(k as MessageKey, p), m);
