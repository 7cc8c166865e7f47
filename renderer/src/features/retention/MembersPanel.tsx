import { membershipCreate } from '../../../../shared/features/retention/schemas';
import type { Programme } from '../../../../shared/features/retention/types';
import { RecordForm } from '../../components/RecordForm';
import type { FieldSpec } from '../../components/form-values';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { clientPath } from '../accounts';

/** A programme's members, with tier and start date, and the form to add one. */
export function MembersPanel({ programme }: { programme: Programme }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const members = useQuery('retention.memberships', { programmeId: programme.id });
  const clients = useQuery('clients.names', {});
  const fields: FieldSpec[] = [
    { name: 'clientId', label: 'retention:loyalty.client', kind: 'select', numeric: true, required: true, options: (clients.data ?? []).map((c) => ({ value: c.id, label: c.name })) },
    ...(programme.kind === 'discount' ? [{ name: 'tier', label: 'retention:loyalty.tier', kind: 'select', required: true, options: programme.tiers.map((x) => ({ value: x.name, label: `${x.name} (${fmt.percent(x.discountPct / 100)})` })) } as const] : []),
    { name: 'startDate', label: 'retention:loyalty.startDate', kind: 'date', required: true },
    { name: 'endDate', label: 'retention:loyalty.endDate', kind: 'date' },
  ];
  return (
    <section className="settings-block" data-testid="members">
      <h3>{t('retention:loyalty.membersTitle', { name: programme.name })}</h3>
      <table className="table">
        <tbody>
          {members.data?.map((m) => (
            <tr key={m.id}>
              <td><a href={href(clientPath(m.clientId))}>{m.clientName}</a></td>
              <td>{m.tier ?? ''}</td>
              <td>{fmt.date(m.startDate)}{m.endDate ? ` – ${fmt.date(m.endDate)}` : ''}</td>
              <td><button type="button" onClick={() => void call('retention.removeMember', { id: m.id })}>{t('retention:loyalty.remove')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {clients.data && (
        <details>
          <summary>{t('retention:loyalty.addMember')}</summary>
          <RecordForm key={members.data?.length ?? 0} fields={fields} schema={membershipCreate} record={{}} fixed={{ programmeId: programme.id }} onCancel={() => {}}
            onSubmit={async (input) => { await call('retention.addMember', input as never); }} />
        </details>
      )}
    </section>
  );
}
