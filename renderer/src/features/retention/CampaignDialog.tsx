import { useState } from 'react';
import { campaignCreate } from '../../../../shared/features/retention/schemas';
import { CALL_REASONS } from '../../../../shared/features/retention/enums';
import type { Segment } from '../../../../shared/features/retention/types';
import { addDays } from '../../../../shared/kernel/dates';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import type { FieldSpec } from '../../components/form-values';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';

const SHARES = [0, 0.1, 0.2, 0.3, 0.4, 0.5];

interface Props {
  segment: Omit<Segment, 'dormantOnly'>;
  /** What the segment's filters read as ("Anna · class A · all types"). */
  segmentText: string;
  /** A holdout test: half kept as control, every client of the segment (not only the dormant ones) by default. */
  test?: boolean;
  reactivationDays: number;
  onClose: () => void;
  onCreated: (id: number, members: number, control: number) => void;
}

/** A campaign needs news, a concrete offer, its end and why it ends: no reason, no campaign. */
export function CampaignDialog({ segment, segmentText, test, reactivationDays, onClose, onCreated }: Props) {
  const { t } = useT();
  const { fmt } = useSettings();
  const [dormantOnly, setDormantOnly] = useState(!test);
  const fields: FieldSpec[] = [
    { name: 'name', label: 'retention:campaignForm.name', kind: 'text', required: true },
    { name: 'reason', label: 'retention:campaignForm.reason', kind: 'select', required: true, options: CALL_REASONS.map((r) => ({ value: r, label: t(`retention:reasons.${r}`) })) },
    { name: 'reasonText', label: 'retention:campaignForm.reasonText', kind: 'text' },
    { name: 'news', label: 'retention:campaignForm.news', kind: 'textarea', required: true, hint: t('retention:campaignForm.newsHint') },
    { name: 'offer', label: 'retention:campaignForm.offer', kind: 'textarea', required: true },
    { name: 'offerUntil', label: 'retention:campaignForm.offerUntil', kind: 'date', required: true },
    { name: 'offerWhy', label: 'retention:campaignForm.offerWhy', kind: 'text', required: true },
    { name: 'reactivationDays', label: 'retention:campaignForm.reactivationDays', kind: 'number', required: true },
    {
      name: 'holdoutShare', label: 'retention:campaignForm.holdoutShare', kind: 'select', numeric: true, allowEmpty: false,
      options: SHARES.map((s) => ({ value: s, label: s === 0 ? t('retention:campaignForm.noHoldout') : fmt.percent(s) })),
    },
    { name: 'seed', label: 'retention:campaignForm.seed', kind: 'number' },
  ];
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Dialog title={t(test ? 'retention:campaignForm.testTitle' : 'retention:campaignForm.title')} onClose={onClose} wide>
      <p className="muted" data-testid="campaign-segment">{segmentText}</p>
      <label className="field field-checkbox">
        <input type="checkbox" checked={dormantOnly} onChange={(e) => setDormantOnly(e.target.checked)} />
        <span>{t('retention:campaignForm.dormantOnly')}</span>
      </label>
      <RecordForm
        fields={fields}
        schema={campaignCreate}
        record={{ reactivationDays, holdoutShare: test ? 0.5 : 0, offerUntil: addDays(today, 30) }}
        extra={() => ({ segment: { ...segment, dormantOnly } })}
        onCancel={onClose}
        onSubmit={async (input) => {
          const r = await call('retention.createCampaign', input as never);
          onCreated(r.id, r.members, r.control);
        }}
      />
    </Dialog>
  );
}
