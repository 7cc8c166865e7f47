import type { ColDef, GridApi } from 'ag-grid-community';
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
import { followTotals, withTotalsRow } from './totalsRow';

type AnyRecord = { id: number; archivedAt: string | null } & Record<string, unknown>;

const ch = (key: RecordKey, verb: string) => `${key}.${verb}` as Channel;
// Channels are typed per name; this section serves four of them through one shape.
const invoke = (channel: Channel, input: unknown) => call(channel, input as never) as Promise<unknown>;
/** Up to this many rows the grid grows with them (wrapped texts whole); beyond, it scrolls in a fixed box. */
const AUTO_HEIGHT_ROWS = 60;
const isLink = (c: ColDef) => ([] as unknown[]).concat(c.cellClass ?? []).includes('cell-link');
/** "contacts-Orion-Supply-Kft.xlsx": the client's name, in its own letters, without what a file name may not hold. */
export const exportFileName = (kind: RecordKey, clientName: string, clientId: number): string => {
  const name = clientName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().replace(/\s+/g, '-').replace(/^\.+|\.+$/g, '').slice(0, 80);
  return `${kind}-${name || clientId}.xlsx`;
};

/** Contacts, purchases, interactions or tasks of one client: a grid with its totals, and a form to add, edit, archive and restore. */
export function RecordSection({ kind, clientId, clientName, contacts }: { kind: RecordKey; clientId: number; clientName: string; contacts: Contact[] }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const spec = RECORD_KINDS[kind];
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<AnyRecord | 'new' | null>(null);
  const list = useQuery(ch(kind, 'list') as 'contacts.list', { clientId, includeArchived: showArchived });
  const ctx = useMemo(() => ({ t, fmt, contacts, today: toIsoDate(new Date()) }), [t, fmt, contacts]);
  const ownColumns = useMemo(() => spec.columns(ctx), [spec, ctx]);
  const columns = useMemo(() => (spec.totals ? withTotalsRow(ownColumns) : ownColumns), [spec, ownColumns]);
  // Read before the totals row turns each cellClass into a function.
  const linkField = ownColumns.find(isLink)?.field as string | undefined;
  const rows = (list.data ?? []) as unknown as AnyRecord[];
  const record = editing === 'new' ? null : editing;
  const gridApi = useRef<GridApi<AnyRecord> | null>(null);
  // Read at each grid update, so the totals' words follow the language and formatters of now.
  const totals = useRef<(shown: AnyRecord[]) => Record<string, unknown>>(() => ({}));
  totals.current = (shown) => spec.totals?.(shown, ctx) ?? {};
  const autoHeight = rows.length <= AUTO_HEIGHT_ROWS;
  const active = rows.filter((r) => !r.archivedAt).length;
  // The totals row is not a record: it opens nothing.
  const open = (row: AnyRecord) => row.id > 0 && setEditing(row);

  const grid = (
    <DataGrid<AnyRecord>
      rows={rows}
      columns={columns}
      onOpen={open}
      onApi={(a) => {
        gridApi.current = a;
        a.setGridOption('domLayout', autoHeight ? 'autoHeight' : 'normal');
        if (spec.totals) followTotals(a, (shown) => totals.current(shown));
      }}
      linkField={linkField}
      height={autoHeight ? 'auto' : 520}
      testId={`grid-${kind}`}
    />
  );

  return (
    <div className="record-section" data-testid={`section-${kind}`}>
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setEditing('new')}>{t(`accounts:records.${kind}.new`)}</button>
        <label className="toggle">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          {t('common:showArchived')}
        </label>
        <span className="muted record-count" data-testid={`count-${kind}`}>{t(`accounts:records.rows.${kind}`, { count: active, n: fmt.number(active, 0) })}</span>
        {rows.length > 0 && <ExportButton api={() => gridApi.current} title={t(`accounts:records.${kind}.title`)} fileName={exportFileName(kind, clientName, clientId)} />}
      </div>
      {kind === 'contacts' && active === 1 && <p className="warning">{t('accounts:records.contacts.singleThreaded')}</p>}
      {list.data && rows.length === 0 ? (
        <p className="muted" data-testid={`empty-${kind}`}>{t(`accounts:records.${kind}.empty`)}</p>
      ) : autoHeight ? (
        <div className="grid-auto">{grid}</div>
      ) : (
        grid
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
