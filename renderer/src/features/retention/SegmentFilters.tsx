import { ABC_CLASSES, type Class } from '../../../../shared/features/retention/settings';
import type { Segment } from '../../../../shared/features/retention/types';
import { useT, type T } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';

export type SegmentChoice = Omit<Segment, 'dormantOnly'>;
export { ALL_CLIENTS } from '../../../../shared/features/retention/call-list';

const idOrNull = (v: string) => (v ? Number(v) : null);
const FILTER = { width: 'auto', maxWidth: 260 };

/** Manager, class and type: the segment a call list shows and a campaign or holdout test is made of. */
export function SegmentFilters({ value, onChange }: { value: SegmentChoice; onChange: (v: SegmentChoice) => void }) {
  const { t } = useT();
  const managers = useQuery('managers.list', {});
  const types = useQuery('clientTypes.list', { includeArchived: false });
  return (
    <>
      <select style={FILTER} aria-label={t('retention:winback.manager')} value={value.managerId ?? ''} onChange={(e) => onChange({ ...value, managerId: idOrNull(e.target.value) })}>
        <option value="">{t('retention:winback.allManagers')}</option>
        {managers.data?.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
      </select>
      <select style={FILTER} aria-label={t('retention:winback.cls')} value={value.abc ?? ''} onChange={(e) => onChange({ ...value, abc: (e.target.value || null) as Class | null })}>
        <option value="">{t('retention:winback.allClasses')}</option>
        {ABC_CLASSES.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
      <select style={FILTER} aria-label={t('retention:winback.type')} value={value.typeId ?? ''} onChange={(e) => onChange({ ...value, typeId: idOrNull(e.target.value) })}>
        <option value="">{t('retention:winback.allTypes')}</option>
        {types.data?.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
      </select>
    </>
  );
}

/** The segment in words, for the campaign dialog ("Anna · A · all types"). */
export function useSegmentText(v: SegmentChoice): string {
  const { t } = useT();
  const managers = useQuery('managers.list', {});
  const types = useQuery('clientTypes.list', { includeArchived: false });
  return segmentText(t, v, managers.data ?? [], types.data ?? []);
}

function segmentText(t: T, v: SegmentChoice, managers: { id: number; name: string }[], types: { id: number; name: string }[]): string {
  return t('retention:campaignForm.segment', {
    manager: managers.find((m) => m.id === v.managerId)?.name ?? t('retention:winback.allManagers'),
    cls: v.abc ?? t('retention:winback.allClasses'),
    type: types.find((x) => x.id === v.typeId)?.name ?? t('retention:winback.allTypes'),
  });
}
