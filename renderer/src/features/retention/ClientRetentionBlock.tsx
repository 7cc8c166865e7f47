import { useEffect, useState } from 'react';
import { clientCadenceInput, planVisitInput } from '../../../../shared/features/retention/schemas';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { useDays } from './useDays';
import { useFreshFit } from './useFit';

// Once per client per window: opening the page is what lets a bulk-imported client's reminders fire.
const seen = new Set<number>();

const STATE_STYLE = { ok: undefined, yellow: { color: '#8a6d00' }, red: { color: 'var(--danger)', fontWeight: 600 } } as const;

/** At the top of the portrait: how the client buys, whether it has gone quiet, when to visit, its loyalty cards. */
export function ClientRetentionBlock({ clientId }: { clientId: number }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const days = useDays();
  const info = useQuery('retention.client', { clientId });
  const overview = useQuery('retention.overview', {});
  useFreshFit(overview.data?.fit);
  const [dialog, setDialog] = useState<'plan' | 'cadence' | null>(null);
  useEffect(() => {
    if (seen.has(clientId)) return;
    seen.add(clientId);
    void call('retention.markSeen', { clientId }).catch(() => seen.delete(clientId));
  }, [clientId]);
  const r = info.data;
  if (!r) return null;
  const parts: string[] = [];
  if (r.lastPurchase === null) parts.push(t('retention:dormancy.neverBought'));
  else if (r.rhythmDays === null) parts.push(t('retention:dormancy.noRhythm', { count: overview.data?.rule.minOccasions ?? 3, since: days(r.daysSince ?? 0) }));
  else parts.push(t('retention:dormancy.line', { rhythm: days(r.rhythmDays), since: days(r.daysSince ?? 0) }));
  if (r.pAlive !== null) parts.push(t('retention:dormancy.pAlive', { value: fmt.number(r.pAlive, 2) }));
  const v = r.visit;
  const cadenceOf = v.own ? t('retention:client.ownCadence') : v.cls ? t('retention:client.classCadence', { cls: v.cls }) : t('retention:client.noClassCadence');
  return (
    <section className="settings-block retention-block" data-testid="retention-line">
      <p>
        {r.dormant && <strong className="overdue" data-testid="dormant-flag">{t('retention:dormancy.dormant')} · </strong>}
        <span data-testid="dormancy-text">{parts.join('; ')}</span>
        {r.expected !== null && <span className="muted"> · {t('retention:dormancy.expected', { days: r.horizonDays, value: fmt.number(r.expected, 2) })}</span>}
      </p>
      <p style={STATE_STYLE[v.state]} data-testid="visit-line" data-state={v.state}>
        {v.lastContact
          ? t('retention:client.visit', { since: days(v.daysSince ?? 0), ideal: v.cadence.ideal, max: v.cadence.max })
          : t('retention:client.visitNever', { ideal: v.cadence.ideal, max: v.cadence.max })}{' '}
        <span className="muted">({cadenceOf})</span>
      </p>
      {v.planned.map((p) => <p key={p.id}>{t('retention:client.planned', { date: fmt.date(p.date), purpose: p.purpose })}</p>)}
      {r.memberships.map((m) => (
        <p key={m.id}>{t('retention:client.member', { programme: m.programme, tier: m.tier ? ` (${m.tier})` : '', date: fmt.date(m.startDate) })}</p>
      ))}
      <div className="toolbar">
        <button type="button" onClick={() => setDialog('plan')}>{t('retention:client.plan')}</button>
        <button type="button" onClick={() => setDialog('cadence')}>{t('retention:client.setCadence')}</button>
      </div>
      {dialog === 'plan' && (
        <Dialog title={t('retention:client.plan')} onClose={() => setDialog(null)}>
          <RecordForm
            fields={[{ name: 'date', label: 'retention:client.date', kind: 'date', required: true }, { name: 'purpose', label: 'retention:client.purpose', kind: 'text', required: true }]}
            schema={planVisitInput} record={{}} fixed={{ clientId }} onCancel={() => setDialog(null)}
            onSubmit={async (input) => { await call('retention.planVisit', input as never); setDialog(null); }}
          />
        </Dialog>
      )}
      {dialog === 'cadence' && (
        <Dialog title={t('retention:client.setCadence')} onClose={() => setDialog(null)}>
          <RecordForm
            fields={[{ name: 'ideal', label: 'retention:client.ideal', kind: 'number', required: true }, { name: 'max', label: 'retention:client.max', kind: 'number', required: true }]}
            schema={clientCadenceInput} record={{ ideal: v.cadence.ideal, max: v.cadence.max }} fixed={{ clientId }} onCancel={() => setDialog(null)}
            onSubmit={async (input) => { await call('retention.setCadence', input as never); setDialog(null); }}
            actions={v.own ? <button type="button" onClick={() => void call('retention.setCadence', { clientId, ideal: null, max: null }).then(() => setDialog(null))}>{t('retention:client.useClass')}</button> : undefined}
          />
        </Dialog>
      )}
    </section>
  );
}
