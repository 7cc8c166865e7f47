import { useState } from 'react';
import { reminderActInput } from '../../../../shared/features/retention/schemas';
import type { TodayItem } from '../../../../shared/features/retention/types';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import { call } from '../../lib/api';
import { useT, type T } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import type { Formatters } from '../../../../shared/kernel/format';
import { clientPath } from '../accounts';
import { RETENTION_PATHS } from './paths';

const STATE_STYLE = { ok: undefined, yellow: { borderLeft: '4px solid #e0b000' }, red: { borderLeft: '4px solid var(--danger)' } } as const;

/** The one line that says why this item is here. */
function headline(i: TodayItem, asOf: string, t: T, fmt: Formatters): string {
  switch (i.kind) {
    case 'campaignCall': return t('retention:today.campaignCall', { campaign: i.campaignName ?? '' });
    case 'callback': return `${t('retention:today.callback', { campaign: i.campaignName ?? '' })}: ${i.title ?? ''}`;
    case 'birthday': {
      const who = i.contactName ?? '';
      const text = i.date === asOf ? t('retention:today.birthdayToday', { name: who }) : t('retention:today.birthday', { name: who, date: fmt.date(i.date) });
      return text + (i.age ? ` · ${t('retention:today.turns', { age: i.age })}` : '');
    }
    case 'anniversary': return t('retention:today.anniversary', { product: i.product ?? '', amount: fmt.money(i.amount), bought: fmt.date(i.purchaseDate), date: fmt.date(i.date) });
    case 'visit': return i.cadence?.daysSince != null
      ? t('retention:today.visit', { days: i.cadence.daysSince, ideal: i.cadence.ideal, max: i.cadence.max })
      : t('retention:today.visitNever', { ideal: i.cadence?.ideal ?? 0, max: i.cadence?.max ?? 0 });
    case 'plannedVisit': return t('retention:today.planned', { purpose: i.purpose ?? '' });
    case 'task': return i.title ?? '';
  }
}

export function TodayItemCard({ item, asOf }: { item: TodayItem; asOf: string }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const [rescheduling, setRescheduling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = (action: 'done' | 'snooze') =>
    call('retention.act', { key: item.key, action }).then(() => setError(null), (e: Error) => setError(e.message));
  const c = item.context;
  const style = item.cadence ? STATE_STYLE[item.cadence.state] : undefined;
  return (
    <li className="card today-item" style={style} data-testid="today-item" data-kind={item.kind} data-key={item.key}>
      <div>
        <a href={href(clientPath(item.clientId))}><strong>{item.clientName}</strong></a> · <span data-testid="today-headline">{headline(item, asOf, t, fmt)}</span>
      </div>
      {item.news && <div>{t('retention:today.news', { news: item.news })}</div>}
      {(item.kind === 'task' || item.kind === 'callback') && (
        <small className={item.overdue ? 'overdue' : 'muted'}>{item.overdue ? t('retention:today.overdue', { date: fmt.date(item.date) }) : t('retention:today.due', { date: fmt.date(item.date) })}</small>
      )}
      <small className="muted" data-testid="today-context">
        {[
          c.lastPurchase
            ? c.lastPurchase.product
              ? t('retention:today.lastPurchase', { product: c.lastPurchase.product, amount: fmt.money(c.lastPurchase.amount), date: fmt.date(c.lastPurchase.date) })
              : t('retention:today.lastPurchaseNoProduct', { amount: fmt.money(c.lastPurchase.amount), date: fmt.date(c.lastPurchase.date) })
            : t('retention:today.noPurchase'),
          c.contactName && c.family ? t('retention:today.contactFamily', { name: c.contactName, text: c.family }) : null,
          c.contactName && c.hobbies ? t('retention:today.contactHobbies', { name: c.contactName, text: c.hobbies }) : null,
        ].filter(Boolean).join(' · ')}
      </small>
      {c.notes.length > 0 && <small className="muted" data-testid="today-notes">{c.notes.map((n) => `${fmt.date(n.date)}: ${n.summary}`).join(' · ')}</small>}
      {error && <small className="form-error" role="alert">{error}</small>}
      <div className="toolbar">
        {item.kind === 'campaignCall' && item.campaignId !== undefined && <a className="button primary" href={href(RETENTION_PATHS.call(item.campaignId, item.clientId))}>{t('retention:today.openCall')}</a>}
        <button type="button" onClick={() => void act('done')}>{t('retention:today.done')}</button>
        <button type="button" onClick={() => void act('snooze')}>{t('retention:today.snooze')}</button>
        <button type="button" onClick={() => setRescheduling(true)}>{t('retention:today.reschedule')}</button>
      </div>
      {rescheduling && (
        <Dialog title={t('retention:today.reschedule')} onClose={() => setRescheduling(false)}>
          <RecordForm
            fields={[
              { name: 'date', label: 'retention:today.newDate', kind: 'date', required: true },
              ...(item.kind === 'visit' ? [{ name: 'note', label: 'retention:today.purpose' as const, kind: 'text' as const, required: true }] : []),
            ]}
            schema={reminderActInput} record={{}} fixed={{ key: item.key, action: 'reschedule' }} onCancel={() => setRescheduling(false)}
            onSubmit={async (input) => { await call('retention.act', input as never); setRescheduling(false); }}
          />
        </Dialog>
      )}
    </li>
  );
}
