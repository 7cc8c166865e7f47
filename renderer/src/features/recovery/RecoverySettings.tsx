import { useState } from 'react';
import { REASON_CATEGORIES } from '../../../../shared/features/recovery/enums';
import { reasonCreate, reasonUpdate } from '../../../../shared/features/recovery/schemas';
import { recoverySettingsSchema } from '../../../../shared/features/recovery/settings';
import type { Reason } from '../../../../shared/features/recovery/types';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { choices, reasonLabel } from './labels';
import { StepForm } from './StepForm';

/** The reasons clients leave for: renamed, recategorised, added, archived. A built-in one shows its translated name until renamed. */
function ReasonsList() {
  const { t } = useT();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Reason | 'new' | null>(null);
  const reasons = useQuery('recovery.reasons', { includeArchived: showArchived });
  const record = editing === 'new' ? null : editing;
  return (
    <div data-testid="settings-reasons">
      <h3>{t('recovery:settings.reasons')}</h3>
      <p className="muted">{t('recovery:settings.reasonsHint')}</p>
      <ul className="plain-list">
        {(reasons.data ?? []).map((r) => (
          <li key={r.id} className={r.archivedAt ? 'archived' : ''}>
            <button type="button" className="link" onClick={() => setEditing(r)}>{reasonLabel(t, r)}</button>
            <span className="muted"> {t(`recovery:category.${r.category}`)}</span>
            {r.archivedAt && <span className="badge">{t('common:archived')}</span>}
          </li>
        ))}
      </ul>
      <div className="toolbar">
        <button type="button" onClick={() => setEditing('new')}>{t('recovery:settings.newReason')}</button>
        <label className="toggle"><input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />{t('common:showArchived')}</label>
      </div>
      {editing && (
        <Dialog title={record ? reasonLabel(t, record) : t('recovery:settings.newReason')} onClose={() => setEditing(null)}>
          <RecordForm
            fields={[
              { name: 'label', label: 'recovery:settings.reasonName', kind: 'text', required: !record?.code, hint: record?.code ? t('recovery:settings.reasonNameHint') : undefined },
              { name: 'category', label: 'recovery:settings.reasonCategory', kind: 'select', allowEmpty: false, required: true, options: choices(REASON_CATEGORIES, (v) => t(`recovery:category.${v}`)) },
            ]}
            schema={record ? reasonUpdate : reasonCreate}
            record={(record ?? { category: 'other' }) as Record<string, unknown>}
            fixed={record ? { id: record.id } : undefined}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              await call(record ? 'recovery.updateReason' : 'recovery.createReason', input as never);
              setEditing(null);
            }}
            actions={record && (
              <button type="button" onClick={async () => { await call(record.archivedAt ? 'recovery.restoreReason' : 'recovery.archiveReason', { id: record.id }); setEditing(null); }}>
                {record.archivedAt ? t('common:restore') : t('common:archive')}
              </button>
            )}
          />
        </Dialog>
      )}
    </div>
  );
}

/** Settings → Lost accounts: the meeting target, the candidate thresholds, and the reasons list. */
export function RecoverySettings() {
  const { t } = useT();
  const { fmt } = useSettings();
  const settings = useQuery('recovery.settings', {});
  return (
    <section className="settings-block" data-testid="settings-recovery">
      <h2>{t('recovery:settings.title')}</h2>
      {settings.data && (
        <StepForm
          fields={[
            { name: 'meetingTargetDays', label: 'recovery:settings.meetingTargetDays', kind: 'number', required: true },
            { name: 'overdueFactor', label: 'recovery:settings.overdueFactor', kind: 'number', required: true },
            { name: 'fallShare', label: 'recovery:settings.fallShare', kind: 'number', required: true, hint: t('recovery:settings.fallShareHint', { pct: fmt.percent(settings.data.fallShare) }) },
            { name: 'fallWindowDays', label: 'recovery:settings.fallWindowDays', kind: 'number', required: true },
            { name: 'recurringMin', label: 'recovery:settings.recurringMin', kind: 'number', required: true },
          ]}
          schema={recoverySettingsSchema}
          record={settings.data}
          onSubmit={async (input) => void (await call('recovery.saveSettings', input as never))}
          submitLabel={t('common:save')}
          testId="recovery-settings-form"
        />
      )}
      <ReasonsList />
    </section>
  );
}
