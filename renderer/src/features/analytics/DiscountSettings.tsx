import { discountCreate, discountUpdate } from '../../../../shared/features/analytics/schemas';
import { OrgList } from '../../components/OrgList';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';

/** Settings → the volume discounts suppliers grant us, for the what-if. */
export function DiscountSettings() {
  const { t } = useT();
  const { fmt } = useSettings();
  return (
    <OrgList kind="discounts" title={t('analytics:settings.discounts')} newLabel={t('analytics:settings.newDiscount')} create={discountCreate} update={discountUpdate}
      fields={[
        { name: 'supplier', label: 'analytics:fields.supplier', kind: 'text', required: true },
        { name: 'productGroup', label: 'analytics:fields.productGroup', kind: 'text' },
        { name: 'thresholdQuantity', label: 'analytics:fields.thresholdQuantity', kind: 'number', required: true },
        { name: 'discountPct', label: 'analytics:fields.discountPct', kind: 'number', required: true },
        { name: 'listUnitCost', label: 'analytics:fields.listUnitCost', kind: 'number', required: true },
      ]}
      label={(d) => `${d.supplier} ${d.productGroup ?? ''}`.trim()}
      describe={(d) => t('analytics:settings.tier', { volume: fmt.number(d.thresholdQuantity as number), discount: fmt.percent((d.discountPct as number) / 100), cost: fmt.money(d.listUnitCost as number) })} />
  );
}
