import { i18n as accounts } from '../features/accounts/i18n';
import { i18n as analytics } from '../features/analytics/i18n';
import { i18n as backups } from '../features/backups/i18n';
import { i18n as exportNs } from '../features/export/i18n';
import { i18n as importNs } from '../features/import/i18n';
import { i18n as settings } from '../features/settings/i18n';
import { i18n as dossiers } from '../features/dossiers/i18n';
import { i18n as retention } from '../features/retention/i18n';
import { i18n as recovery } from '../features/recovery/i18n';
import { i18n as privacy } from '../features/privacy/i18n';
import { i18n as common } from '../kernel/i18n';

/** One namespace per feature (the kernel's is `common`): one line each. */
const NAMESPACES = {
  common,
  settings,
  accounts,
  analytics,
  import: importNs,
  export: exportNs,
  backups,
  dossiers,
  retention,
  recovery,
  privacy,
} as const;

export const LANGUAGES = ['en', 'hu', 'fr', 'lt', 'th', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Resources = { [N in keyof typeof NAMESPACES]: (typeof NAMESPACES)[N]['en'] };
export type Namespace = keyof Resources;
/** Every namespace, for i18next's `ns` and the renderer's translate hook. */
export const NAMESPACE_NAMES = Object.keys(NAMESPACES) as Namespace[];

/** The resources of one language, as i18next takes them ({ namespace: strings }). */
export function resourcesFor(lang: Language): Resources {
  return Object.fromEntries(Object.entries(NAMESPACES).map(([ns, langs]) => [ns, (langs as Record<Language, unknown>)[lang]])) as Resources;
}

/** Every language's resources: `{ en: { common: …, accounts: … }, hu: … }`. */
export const resources = Object.fromEntries(LANGUAGES.map((l) => [l, resourcesFor(l)])) as Record<Language, Resources>;

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Leaf<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Leaf<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A translation key with its namespace, as errors and messages carry it across IPC: 'accounts:errors.codeTaken'. */
export type MessageKey = { [N in Namespace]: `${N}:${Leaves<Resources[N]>}` }[Namespace];
