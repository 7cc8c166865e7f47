import type { ImportSummary } from '../../../../shared/features/import/types';
import { useSettings } from '../../lib/settings-context';
import { say, useT } from '../../lib/i18n';

/** The counts the summary lists, each with its line in import:summary. */
type Count = 'rows' | 'skipped' | 'add' | 'update' | 'unchanged' | 'duplicates' | 'identical' | 'clients' | 'credit' | 'rejected' | 'leftOut';

export function ImportSummaryView({ s }: { s: ImportSummary }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const line = (key: Count, n: number, show = n > 0) => show && <li key={key} data-testid={`summary-${key}`}>{t(`import:summary.${key}`, { n: fmt.number(n, 0) })}</li>;
  return (
    <div className="import-summary" data-testid="import-summary">
      <ul>
        {line('rows', s.rows, true)}
        {line('skipped', s.skipped ?? 0)}
        {line('add', s.added, true)}
        {line('update', s.updated, s.kind !== 'purchases')}
        {line('unchanged', s.unchanged)}
        {line('duplicates', s.duplicates)}
        {line('identical', s.identical)}
        {line('clients', s.clientsCreated, s.kind !== 'clients' && s.clientsCreated > 0)}
        {line('credit', s.creditLines)}
        {line('rejected', s.rejected, true)}
        {line('leftOut', s.leftOut ?? 0)}
        {s.kind === 'purchases' && <li>{t('import:summary.totals', { quantity: fmt.number(s.quantity), amount: fmt.money(s.amount) })}</li>}
      </ul>
      {s.reasons.length > 0 && (
        <ul className="reasons" data-testid="reject-reasons">
          {s.reasons.map((r, i) => (
            <li key={i}>{t('import:reason', { count: r.count, reason: say(t, r), lines: r.lines.map((l) => fmt.number(l, 0)).join(', ') + (r.count > r.lines.length ? ', …' : '') })}</li>
          ))}
        </ul>
      )}
      {s.previousImport && <p className="warning">{t('import:summary.previous', { id: s.previousImport.id, date: fmt.date(s.previousImport.at.slice(0, 10)) })}</p>}
    </div>
  );
}
