import type { GridApi } from 'ag-grid-community';
import { createElement, useMemo, useRef, useState } from 'react';
import { callListRows } from '../../../../shared/features/retention/call-list';
import type { CallListRow } from '../../../../shared/features/retention/types';
import { DataGrid } from '../../components/DataGrid';
import { useT } from '../../lib/i18n';
import { href, navigate } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { clientPath } from '../accounts';
import { ExportButton } from '../export';
import { callColumns } from './callColumns';
import { CampaignDialog } from './CampaignDialog';
import { CampaignsPanel } from './CampaignsPanel';
import { FitBanner } from './FitBanner';
import { RETENTION_PATHS } from './paths';
import { ALL_CLIENTS, SegmentFilters, useSegmentText, type SegmentChoice } from './SegmentFilters';

const idOrNull = (v: string) => (v ? Number(v) : null);
const FILTER = { width: 'auto', maxWidth: 260 };

/** The call list: dormant clients by value at risk, or a campaign's offer group with who was called. */
export function WinbackPage() {
  const { t } = useT();
  const { fmt } = useSettings();
  const [segment, setSegment] = useState<SegmentChoice>(ALL_CLIENTS);
  const [campaignId, setCampaignId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery('retention.callList', { ...segment, campaignId });
  const overview = useQuery('retention.overview', {});
  const settings = useQuery('retention.settings', {});
  const campaigns = useQuery('retention.campaigns', {});
  const api = useRef<GridApi<CallListRow> | null>(null);
  const inCampaign = campaignId !== null;
  const columns = useMemo(() => {
    const cols = callColumns(t, fmt, inCampaign);
    if (campaignId !== null) {
      cols.unshift({
        colId: 'call', headerName: '', width: 90, sortable: false, filter: false,
        cellRenderer: (p: { data?: CallListRow }) => (p.data ? createElement('a', { href: href(RETENTION_PATHS.call(campaignId, p.data.id)), 'data-testid': 'call-link' }, t('retention:winback.call')) : null),
      });
    }
    return cols;
  }, [t, fmt, inCampaign, campaignId]);
  const rows = useMemo(() => list.data && callListRows(list.data), [list.data]);
  const atRisk = rows?.reduce((s, r) => s + r.valueAtRisk, 0) ?? 0;
  const segmentText = useSegmentText(segment);
  const open = (row: CallListRow) => navigate(campaignId !== null ? RETENTION_PATHS.call(campaignId, row.id) : clientPath(row.id));

  return (
    <section className="page winback-page">
      <header className="page-header">
        <h1>{t('retention:winback.title')}</h1>
        <div className="toolbar">
          <ExportButton api={() => api.current} title={t('retention:winback.exportTitle')} fileName="win-back.xlsx" />
          <button type="button" className="primary" onClick={() => setCreating(true)}>{t('retention:winback.newCampaign')}</button>
        </div>
      </header>
      <p className="muted">{t('retention:winback.lead')}</p>
      <div className="toolbar filters">
          <SegmentFilters value={segment} onChange={setSegment} />
          <select style={FILTER} aria-label={t('retention:winback.campaign')} value={campaignId ?? ''} onChange={(e) => setCampaignId(idOrNull(e.target.value))}>
            <option value="">{t('retention:winback.noCampaign')}</option>
            {campaigns.data?.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
      </div>
      {overview.data && <FitBanner fit={overview.data.fit} rule={overview.data.rule} modelUsed={overview.data.modelUsed} />}
      {notice && <p className="muted" role="status" data-testid="winback-notice">{notice}</p>}
      {list.error && <div className="form-error" role="alert">{t('common:app.error', { message: list.error.message })}</div>}
      <p className="muted" data-testid="winback-count">
        {rows && rows.length === 0 ? t('retention:winback.none') : `${t('retention:winback.count', { count: rows?.length ?? 0 })} · ${t('retention:winback.atRisk', { value: fmt.money(atRisk) })}`}
        {!inCampaign && rows && rows.length > 0 && ` · ${t('retention:winback.chooseCampaign')}`}
      </p>
      <DataGrid<CallListRow>
        rows={rows}
        columns={columns}
        layoutKey={inCampaign ? 'retention.campaign-list' : 'retention.call-list'}
        onApi={(a) => (api.current = a)}
        onOpen={open}
        linkField="name"
        height={420}
        testId="call-list"
      />
      <CampaignsPanel campaigns={campaigns.data ?? []} onPick={setCampaignId} />
      {creating && settings.data && (
        <CampaignDialog
          segment={segment}
          segmentText={segmentText}
          reactivationDays={settings.data.reactivationDays}
          onClose={() => setCreating(false)}
          onCreated={(id, members, control) => {
            setCreating(false);
            setCampaignId(id);
            setNotice(t('retention:campaignForm.created', { members, control }));
          }}
        />
      )}
    </section>
  );
}
