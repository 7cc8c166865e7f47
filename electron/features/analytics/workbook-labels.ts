import type { KeyReason } from '../../../shared/features/analytics/types';
import type { RiskBand } from '../../../shared/features/analytics/settings';
import type { Db } from '../../db/connection';
import type { MessageParams } from '../../../shared/i18n/messages';
import { shippedLanguage, translate } from '../../i18n';
import type { Language } from '../../../shared/i18n';
import { getSettings } from '../settings';

/**
 * The words and numbers of the Excel report in the user's language and
 * locale (Settings): the same keys the screen shows, so a band reads
 * "Widen the base" in the file as on screen, never `widen`. Cell values stay
 * numbers; only texts (labels, chart ticks, the reasons) are written out.
 */
export function workbookLabels(db: Db, language?: Language) {
  const settings = getSettings(db);
  // The CLI's --lang picks the language; the app uses the one in Settings.
  const lang = language ?? shippedLanguage(settings.language);
  const locale = settings.locale;
  const tr = (key: string, params?: MessageParams) => translate(lang, `analytics:${key}`, params);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const pct = (x: number) => percent.format(x);
  return {
    currency: settings.currency,
    t: tr,
    pct,
    number: (x: number) => number.format(x),
    integer: (x: number) => integer.format(x),
    date: (iso: string) => date.format(new Date(`${iso}T00:00:00Z`)),
    month: (ym: string, partial: boolean) => {
      const name = month.format(new Date(`${ym}-01T00:00:00Z`));
      return partial ? tr('engine.partialMonth', { month: name }) : name;
    },
    band: (b: RiskBand) => tr(`band.${b}`),
    yesNo: (v: boolean) => tr(v ? 'engine.yes' : 'engine.no'),
    reason: (r: KeyReason) => tr(`reason.${r.kind}`, r.share === undefined ? {} : { pct: pct(r.share), of: r.of ?? '' }),
  };
}

export type WorkbookLabels = ReturnType<typeof workbookLabels>;

/** Excel refuses these in a sheet name, and more than 31 characters. */
export const sheetName = (s: string) => s.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim();
