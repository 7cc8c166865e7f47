import { useState } from 'react';
import { FIELD_KINDS } from '../../../../shared/features/accounts/enums';
import { clientTypeCreate, fieldCreate } from '../../../../shared/features/accounts/schemas';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { useT } from '../../lib/i18n';

/** Client types and the portrait fields each one asks for. */
export function ClientTypesEditor() {
  const { t } = useT();
  const types = useQuery('clientTypes.list', { includeArchived: false });
  const [adding, setAdding] = useState<{ typeId: number } | 'type' | null>(null);
  return (
    <section className="settings-block" data-testid="settings-types">
      <h2>{t('accounts:settings.clientTypes')}</h2>
      {(types.data ?? []).map((type) => (
        <div key={type.id} className="type-block">
          <h3>{type.name}</h3>
          <ul className="plain-list">
            {type.fields.map((f) => (
              <li key={f.id}>
                {f.label} <span className="muted">({t(`accounts:fieldKind.${f.kind}`)}{f.options.length ? `: ${f.options.join(', ')}` : ''})</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setAdding({ typeId: type.id })}>{t('accounts:settings.newField')}</button>
        </div>
      ))}
      <button type="button" onClick={() => setAdding('type')}>{t('accounts:settings.newType')}</button>
      {adding === 'type' && (
        <Dialog title={t('accounts:settings.newType')} onClose={() => setAdding(null)}>
          <RecordForm fields={[{ name: 'name', label: 'accounts:fields.name', kind: 'text', required: true }]} schema={clientTypeCreate} record={{}} onCancel={() => setAdding(null)}
            onSubmit={async (input) => { await call('clientTypes.create', input as never); setAdding(null); }} />
        </Dialog>
      )}
      {adding && adding !== 'type' && (
        <Dialog title={t('accounts:settings.newField')} onClose={() => setAdding(null)}>
          <RecordForm
            fields={[
              { name: 'label', label: 'accounts:fields.label', kind: 'text', required: true },
              { name: 'kind', label: 'accounts:fields.kind', kind: 'select', options: FIELD_KINDS.map((k) => ({ value: k, label: t(`accounts:fieldKind.${k}`) })), allowEmpty: false },
              { name: 'options', label: 'accounts:fields.options', kind: 'textarea' },
            ]}
            schema={fieldCreate}
            record={{ kind: 'text' }}
            fixed={{ typeId: adding.typeId }}
            extra={(state) => ({ options: String(state.options ?? '').split('\n').map((s) => s.trim()).filter(Boolean) })}
            onCancel={() => setAdding(null)}
            onSubmit={async (input) => { await call('clientTypes.addField', input as never); setAdding(null); }}
          />
        </Dialog>
      )}
    </section>
  );
}
