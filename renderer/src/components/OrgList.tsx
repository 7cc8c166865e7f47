import { useState } from 'react';
import type { z } from 'zod';
import { Dialog } from './Dialog';
import type { FieldSpec } from './form-values';
import { RecordForm } from './RecordForm';
import { call } from '../lib/api';
import { useQuery } from '../lib/useQuery';
import { useT } from '../lib/i18n';

type Kind = 'managers' | 'departments' | 'discounts';
type Item = { id: number; name?: string; archivedAt: string | null } & Record<string, unknown>;
const invoke = (channel: string, input: unknown) => call(channel as 'managers.create', input as never);

/** Managers, departments or supplier discounts: a short list the user edits in place. */
export function OrgList({ kind, title, newLabel, fields, create, update, describe, label = (item) => String(item.name) }: {
  kind: Kind; title: string; newLabel: string; fields: FieldSpec[]; create: z.ZodType; update: z.ZodType; describe?: (item: Item) => string; label?: (item: Item) => string;
}) {
  const { t } = useT();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const list = useQuery(`${kind}.list` as 'managers.list', { includeArchived: showArchived });
  const items = (list.data ?? []) as unknown as Item[];
  const record = editing === 'new' ? null : editing;
  return (
    <section className="settings-block" data-testid={`settings-${kind}`}>
      <h2>{title}</h2>
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.id} className={item.archivedAt ? 'archived' : ''}>
            <button type="button" className="link" onClick={() => setEditing(item)}>{label(item)}</button>
            {describe && <span className="muted"> {describe(item)}</span>}
            {item.archivedAt && <span className="badge">{t('common:archived')}</span>}
          </li>
        ))}
      </ul>
      <div className="toolbar">
        <button type="button" onClick={() => setEditing('new')}>{newLabel}</button>
        <label className="toggle"><input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />{t('common:showArchived')}</label>
      </div>
      {editing && (
        <Dialog title={record ? label(record) : newLabel} onClose={() => setEditing(null)}>
          <RecordForm
            fields={fields}
            schema={record ? update : create}
            record={record ?? {}}
            fixed={record ? { id: record.id } : undefined}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              await invoke(`${kind}.${record ? 'update' : 'create'}`, input);
              setEditing(null);
            }}
            actions={record && (
              <button type="button" onClick={async () => { await invoke(`${kind}.${record.archivedAt ? 'restore' : 'archive'}`, { id: record.id }); setEditing(null); }}>
                {record.archivedAt ? t('common:restore') : t('common:archive')}
              </button>
            )}
          />
        </Dialog>
      )}
    </section>
  );
}
