import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import type { Channel } from '../../../../shared/contract';
import { toIsoDate } from '../../../../shared/kernel/dates';
import type { Contact } from '../../../../shared/features/accounts/types';
import { DataGrid } from '../../components/DataGrid';
import { ExportButton } from '../export';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import { call } from '../../lib/api';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { RECORD_KINDS, type RecordKey } from './recordKinds';
import { useT } from '../../lib/i18n';

type AnyRecord = { id: number; archivedAt: string | null } & Record<string, unknown>;

const ch = (key: RecordKey, verb: string) => `${key}.${verb}` as Channel;
// Channels are typed per name; this section serves four of them through one shape.
const invoke = (channel: Channel, input: unknown) => call(channel, input as never) as Promise<unknown>;

/** Contacts, purchases, interactions or tasks of one client: a grid, and a form to add, edit, archive and restore. */
export function RecordSection({ kind, clientId, contacts }: { kind: RecordKey; clientId: number; contacts: Contact[] }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const spec = RECORD_KINDS[kind];
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<AnyRecord | 'new' | null>(null);
  const list = useQuery(ch(kind, 'list') as 'contacts.list', { clientId, includeArchived: showArchived });
  const ctx = useMemo(() => ({ t, fmt, contacts, today: toIsoDate(new Date()) }), [t, fmt, contacts]);
  const columns = useMemo(() => spec.columns(ctx), [spec, ctx]);
  const rows = (list.data ?? []) as unknown as AnyRecord[];
  const record = editing === 'new' ? null : editing;
  const gridApi = useRef<GridApi<AnyRecord> | null>(null);

  return (
    <div className="record-section" data-testid={`section-${kind}`}>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setEditing('new')}>{t(`accounts:records.${kind}.new`)}</button>
        <label className="toggle">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          {t('common:showArchived')}
        </label>
        <span className="muted">{t('common:rows', { count: rows.length })}</span>
        {rows.length > 0 && <ExportButton api={() => gridApi.current} title={t(`accounts:records.${kind}.title`)} fileName={`${kind}-${clientId}.xlsx`} />}
      </div>
      {kind === 'contacts' && rows.filter((r) => !r.archivedAt).length === 1 && <p className="warning">{t('accounts:records.contacts.singleThreaded')}</p>}
      {list.data && rows.length === 0 ? (
        <p className="muted">{t(`accounts:records.${kind}.empty`)}</p>
      ) : (
        <DataGrid<AnyRecord>
          rows={rows}
          columns={columns}
          onOpen={(row) => setEditing(row)}
          onApi={(a) => (gridApi.current = a)}
          linkField={columns.find((c) => c.cellClass === 'cell-link')?.field as string}
          height={Math.min(520, 56 + rows.length * 42)}
          testId={`grid-${kind}`}
        />
      )}
      {editing && (
        <Dialog title={t(record ? `accounts:records.${kind}.edit` : `accounts:records.${kind}.new`)} onClose={() => setEditing(null)} wide={kind === 'contacts'}>
          <RecordForm
            fields={spec.fields(ctx, record?.id)}
            schema={record ? spec.update : spec.create}
            record={record ?? spec.defaults(ctx)}
            fixed={{ clientId, ...(record ? { id: record.id } : {}) }}
            onCancel={() => setEditing(null)}
            onSubmit={async (input) => {
              await invoke(ch(kind, record ? 'update' : 'create'), input);
              setEditing(null);
            }}
            actions={
              record && (
                <button
                  type="button"
                  onClick={async () => {
                    await invoke(ch(kind, record.archivedAt ? 'restore' : 'archive'), { id: record.id });
                    setEditing(null);
                  }}
                >
                  {record.archivedAt ? t('common:restore') : t('common:archive')}
                </button>
              )
            }
          />
        </Dialog>
      )}
    </div>
  );
}
