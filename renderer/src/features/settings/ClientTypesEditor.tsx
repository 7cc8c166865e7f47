import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_KINDS } from '../../../../shared/domain/enums';
import { clientTypeCreate, fieldCreate } from '../../../../shared/domain/schemas';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';

/** Client types and the portrait fields each one asks for. */
export function ClientTypesEditor() {
  const { t } = useTranslation();
  const types = useQuery('clientTypes.list', { includeArchived: false });
  const [adding, setAdding] = useState<{ typeId: number } | 'type' | null>(null);
  return (
    <section className="settings-block" data-testid="settings-types">
      <h2>{t('settings.clientTypes')}</h2>
      {(types.data ?? []).map((type) => (
        <div key={type.id} className="type-block">
          <h3>{type.name}</h3>
          <ul className="plain-list">
            {type.fields.map((f) => (
              <li key={f.id}>
                {f.label} <span className="muted">({t(`fieldKind.${f.kind}`)}{f.options.length ? `: ${f.options.join(', ')}` : ''})</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setAdding({ typeId: type.id })}>{t('settings.newField')}</button>
        </div>
      ))}
      <button type="button" onClick={() => setAdding('type')}>{t('settings.newType')}</button>
      {adding === 'type' && (
        <Dialog title={t('settings.newType')} onClose={() => setAdding(null)}>
          <RecordForm fields={[{ name: 'name', kind: 'text', required: true }]} schema={clientTypeCreate} record={{}} onCancel={() => setAdding(null)}
            onSubmit={async (input) => { await call('clientTypes.create', input as never); setAdding(null); }} />
        </Dialog>
      )}
      {adding && adding !== 'type' && (
        <Dialog title={t('settings.newField')} onClose={() => setAdding(null)}>
          <RecordForm
            fields={[
              { name: 'label', kind: 'text', required: true },
              { name: 'kind', kind: 'select', options: FIELD_KINDS.map((k) => ({ value: k, label: t(`fieldKind.${k}`) })), allowEmpty: false },
              { name: 'options', kind: 'textarea' },
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
