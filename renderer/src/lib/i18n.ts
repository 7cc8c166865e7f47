import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { NAMESPACE_NAMES, type Namespace } from '../../../shared/i18n';
import { render } from '../../../shared/i18n/messages';

/** The translate function every screen uses: keys always carry their namespace, and the compiler checks them. */
export type T = TFunction<Namespace[]>;

/** Every namespace at once: a screen may show words of several features ('common:save' beside 'accounts:clients.title'). */
export function useT(): { t: T } {
  const { t } = useTranslation(NAMESPACE_NAMES);
  return { t };
}

/** A message from main (an error, an import reason, a cell problem) in the user's language. */
export function say(t: T, m: { key: string; params?: Record<string, unknown> }): string {
  return render((key, params) => (t as unknown as (k: string, p?: Record<string, unknown>) => string)(key, params), m);
}
