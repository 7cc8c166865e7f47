import type { ComponentType } from 'react';
import { APP_LANGUAGES, CALENDARS, type AppLanguage, type Calendar } from '../../../../shared/kernel/app-settings';
import { CURRENCIES, LOCALES } from '../../../../shared/kernel/enums';

/** Each language in its own words, capitalised as a menu item (English, Magyar, Français, Lietuvių, ไทย, Русский). */
const nativeName = (l: AppLanguage) => {
  const name = new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l;
  return name.charAt(0).toLocaleUpperCase(l) + name.slice(1);
};
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';

/** The general settings, then each feature's section, in the order the app lists them. */
export function SettingsPage({ sections }: { sections: readonly ComponentType[] }) {
  const { t } = useT();
  const { settings, fmt } = useSettings();
  return (
    <section className="page settings-page">
      <header className="page-header"><h1>{t('settings:title')}</h1></header>
      <section className="settings-block">
        <h2>{t('settings:general')}</h2>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="settings-language">{t('settings:language')}</label>
            <select id="settings-language" value={settings.language ?? 'en'} onChange={(e) => void call('settings.update', { language: e.target.value as AppLanguage })}>
              {APP_LANGUAGES.map((l) => <option key={l} value={l} lang={l}>{nativeName(l)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="settings-calendar">{t('settings:calendar')}</label>
            <select id="settings-calendar" value={settings.calendar} onChange={(e) => void call('settings.update', { calendar: e.target.value as Calendar })}>
              {CALENDARS.map((c) => <option key={c} value={c}>{t(`settings:calendars.${c}`)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="settings-locale">{t('settings:locale')}</label>
            <select id="settings-locale" value={settings.locale} onChange={(e) => void call('settings.update', { locale: e.target.value as never })}>
              {LOCALES.map((l) => <option key={l} value={l}>{new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l} ({l})</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="settings-currency">{t('settings:currency')}</label>
            <select id="settings-currency" value={settings.currency} onChange={(e) => void call('settings.update', { currency: e.target.value as never })}>
              {CURRENCIES.map((c) => <option key={c}>{c}</option>)}
            </select>
          </div>
        </div>
        <p className="muted" data-testid="format-example">{t('settings:example', { money: fmt.money(1234567.5), date: fmt.date('2026-03-31') })}</p>
      </section>
      {sections.map((Section, i) => <Section key={i} />)}
    </section>
  );
}
