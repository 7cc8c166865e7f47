import i18next, { type i18n as I18n } from 'i18next';
import { i18n as dossiersI18n } from '../../../shared/features/dossiers/i18n';
import type { AppLanguage } from '../../../shared/kernel/app-settings';
import type { Db } from '../../db/connection';
import { getSettings } from '../settings';

export type DossierLanguage = keyof typeof dossiersI18n;
type En = (typeof dossiersI18n)['en'];
type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K extends `${infer B}_${'one' | 'other' | 'few' | 'many'}` ? B : K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
/** A key of this feature's namespace, without the namespace. */
export type DossierKey = Leaves<En>;
export type Translate = (key: DossierKey, params?: Record<string, unknown>) => string;

const instances = new Map<DossierLanguage, I18n>();

/**
 * Fixed text main writes into files and new dossiers (section titles, the
 * Word and PDF exports) in the user's language, from this feature's own
 * namespace; the app-wide main translator speaks English only.
 */
export function translator(lang: AppLanguage | null | undefined): Translate {
  const l: DossierLanguage = lang && lang in dossiersI18n ? (lang as DossierLanguage) : 'en';
  let inst = instances.get(l);
  if (!inst) {
    inst = i18next.createInstance();
    void inst.init({ resources: Object.fromEntries([...new Set<DossierLanguage>([l, 'en'])].map((x) => [x, { dossiers: dossiersI18n[x] }])), lng: l, fallbackLng: 'en', defaultNS: 'dossiers', interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
    instances.set(l, inst);
  }
  const i = inst;
  return (key, params) => i.t(key, params) as string;
}

export const userLanguage = (db: Db): AppLanguage => getSettings(db).language ?? 'en';
export const userTranslator = (db: Db): Translate => translator(userLanguage(db));
