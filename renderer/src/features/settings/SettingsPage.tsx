import { useTranslation } from 'react-i18next';
import { CURRENCIES, LOCALES } from '../../../../shared/domain/enums';
import { departmentCreate, departmentUpdate, discountCreate, discountUpdate, managerCreate, managerUpdate } from '../../../../shared/domain/schemas';
import { call } from '../../lib/api';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { BackupsSection } from '../backups/BackupsSection';
import { ClientTypesEditor } from './ClientTypesEditor';
import { OrgList } from './OrgList';

export function SettingsPage() {
  const { t } = useTranslation();
  const { settings, fmt } = useSettings();
  const departments = useQuery('departments.list', { includeArchived: true });
  const depOptions = (departments.data ?? []).filter((d) => !d.archivedAt).map((d) => ({ value: d.id, label: d.name }));
  const depName = (id: unknown) => departments.data?.find((d) => d.id === id)?.name ?? '';
  return (
    <section className="page settings-page">
      <header className="page-header"><h1>{t('settings.title')}</h1></header>
      <section className="settings-block">
        <h2>{t('settings.general')}</h2>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="settings-locale">{t('settings.locale')}</label>
            <select id="settings-locale" value={settings.locale} onChange={(e) => void call('settings.update', { locale: e.target.value as never })}>
              {LOCALES.map((l) => <option key={l} value={l}>{new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l} ({l})</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="settings-currency">{t('settings.currency')}</label>
            <select id="settings-currency" value={settings.currency} onChange={(e) => void call('settings.update', { currency: e.target.value as never })}>
              {CURRENCIES.map((c) => <option key={c}>{c}</option>)}
            </select>
          </div>
        </div>
        <p className="muted" data-testid="format-example">{t('settings.example', { money: fmt.money(1234567.5), date: fmt.date('2026-03-31') })}</p>
      </section>
      <OrgList kind="managers" title={t('settings.managers')} newLabel={t('settings.newManager')} create={managerCreate} update={managerUpdate}
        fields={[{ name: 'name', kind: 'text', required: true }, { name: 'email', kind: 'email' }, { name: 'departmentId', kind: 'select', options: depOptions, numeric: true }]}
        describe={(m) => depName(m.departmentId)} />
      <OrgList kind="departments" title={t('settings.departments')} newLabel={t('settings.newDepartment')} create={departmentCreate} update={departmentUpdate}
        fields={[{ name: 'name', kind: 'text', required: true }]} />
      <OrgList kind="discounts" title={t('settings.discounts')} newLabel={t('settings.newDiscount')} create={discountCreate} update={discountUpdate}
        fields={[{ name: 'supplier', kind: 'text', required: true }, { name: 'productGroup', kind: 'text' }, { name: 'thresholdQuantity', kind: 'number', required: true },
          { name: 'discountPct', kind: 'number', required: true }, { name: 'listUnitCost', kind: 'number', required: true }]}
        label={(d) => `${d.supplier} ${d.productGroup ?? ''}`.trim()}
        describe={(d) => `≥ ${fmt.number(d.thresholdQuantity as number)}: ${d.discountPct}% · ${fmt.money(d.listUnitCost as number)}`} />
      <ClientTypesEditor />
      <BackupsSection />
    </section>
  );
}
