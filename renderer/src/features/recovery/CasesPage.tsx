import type { GridApi } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import type { CaseRow } from '../../../../shared/features/recovery/types';
import { toIsoDate } from '../../../../shared/kernel/dates';
import { DataGrid } from '../../components/DataGrid';
import { useT } from '../../lib/i18n';
import { navigate } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { ExportButton } from '../export';
import { CandidatesPanel } from './CandidatesPanel';
import { caseColumns } from './caseColumns';
import { casePath } from './paths';
import { RecoveryTabs } from './RecoveryTabs';

/** Candidates that look lost, then every recovery case with its clock. */
export function CasesPage() {
  const { t } = useT();
  const { fmt } = useSettings();
  const [showClosed, setShowClosed] = useState(true);
  const cases = useQuery('recovery.cases', { includeClosed: showClosed });
  const reasons = useQuery('recovery.reasons', { includeArchived: true });
  const columns = useMemo(() => caseColumns(t, fmt, reasons.data), [t, fmt, reasons.data]);
  const api = useRef<GridApi<CaseRow> | null>(null);
  const rows = cases.data ?? [];
  const late = rows.filter((c) => c.meetingOverdue && c.stage !== 'closed').length;
  return (
    <section className="page">
      <header className="page-header"><h1>{t('recovery:cases.title')}</h1></header>
      <RecoveryTabs active="cases" />
      <p className="muted">{t('recovery:cases.lead')}</p>
      <CandidatesPanel />
      <h2>{t('recovery:cases.list')}</h2>
      <div className="toolbar">
        <label className="toggle"><input type="checkbox" checked={showClosed} onChange={(e) => setShowClosed(e.target.checked)} />{t('recovery:cases.showClosed')}</label>
        <span className="muted">{t('common:rows', { count: rows.length })}</span>
        {late > 0 && <span className="overdue" data-testid="late-cases">{t('recovery:cases.overdueCount', { count: late })}</span>}
        {rows.length > 0 && <ExportButton api={() => api.current} title={t('recovery:cases.exportTitle')} fileName={`recovery-cases-${toIsoDate(new Date())}.xlsx`} />}
      </div>
      {cases.data && rows.length === 0 ? (
        <p className="muted">{t('recovery:cases.empty')}</p>
      ) : (
        <DataGrid rows={rows} columns={columns} layoutKey="recovery.cases" linkField="clientName" height={Math.min(560, 60 + rows.length * 42)} onOpen={(row) => navigate(casePath(row.id))} onApi={(a) => (api.current = a)} testId="cases-grid" />
      )}
    </section>
  );
}
