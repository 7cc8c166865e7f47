import { useState } from 'react';
import { OFFER_ANSWERS, OFFER_KINDS } from '../../../../shared/features/recovery/enums';
import { offerCreate, offerUpdate } from '../../../../shared/features/recovery/schemas';
import type { Offer, RecoveryCase } from '../../../../shared/features/recovery/types';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import type { FieldSpec } from '../../components/form-values';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { choices } from './labels';

/** "What if we fixed that / matched those terms?": each offer with the client's answer. */
export function OffersPanel({ c, readOnly }: { c: RecoveryCase; readOnly: boolean }) {
  const { t } = useT();
  const [editing, setEditing] = useState<Offer | { kind: Offer['kind'] } | null>(null);
  const fields: FieldSpec[] = [
    { name: 'kind', label: 'recovery:interview.offerKind', kind: 'select', allowEmpty: false, required: true, options: choices(OFFER_KINDS, (v) => t(`recovery:offerKind.${v}`)) },
    { name: 'offer', label: 'recovery:interview.offer', kind: 'textarea', required: true },
    { name: 'answer', label: 'recovery:interview.answer', kind: 'select', options: choices(OFFER_ANSWERS, (v) => t(`recovery:answer.${v}`)) },
    { name: 'answerNote', label: 'recovery:interview.answerNote', kind: 'textarea' },
  ];
  const existing = editing && 'id' in editing ? editing : null;
  return (
    <div data-testid="offers">
      <h3>{t('recovery:interview.whatIf')}</h3>
      {!readOnly && (
        <div className="toolbar">
          <button type="button" onClick={() => setEditing({ kind: 'fix' })}>{t('recovery:interview.whatIfFix')}</button>
          <button type="button" onClick={() => setEditing({ kind: 'match' })}>{t('recovery:interview.whatIfMatch')}</button>
        </div>
      )}
      <h3>{t('recovery:interview.offers')}</h3>
      {c.offers.length === 0 ? (
        <p className="muted">{t('recovery:interview.noOffers')}</p>
      ) : (
        <table className="table">
          <tbody>
            {c.offers.map((o) => (
              <tr key={o.id}>
                <td>{t(`recovery:offerKind.${o.kind}`)}</td>
                <td>{o.offer}</td>
                <td>{o.answer ? t(`recovery:answer.${o.answer}`) : '—'}{o.answerNote ? ` — ${o.answerNote}` : ''}</td>
                <td>{!readOnly && <button type="button" className="link" onClick={() => setEditing(o)}>{t('common:edit')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <Dialog title={t(existing ? 'recovery:interview.editOffer' : 'recovery:interview.addOffer')} onClose={() => setEditing(null)}>
          <RecordForm
            fields={fields}
            schema={existing ? offerUpdate : offerCreate}
            record={editing as Record<string, unknown>}
            fixed={existing ? { id: existing.id } : { caseId: c.id }}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              await call(existing ? 'recovery.updateOffer' : 'recovery.addOffer', input as never);
              setEditing(null);
            }}
            actions={existing && (
              <button type="button" onClick={async () => { await call('recovery.archiveOffer', { id: existing.id }); setEditing(null); }}>{t('recovery:interview.removeOffer')}</button>
            )}
          />
        </Dialog>
      )}
    </div>
  );
}
