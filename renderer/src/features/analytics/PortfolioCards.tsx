import type { AnalyticsReport } from '../../../../shared/features/analytics/types';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { screenNumbers } from './localeNumbers';
import { RiskTile } from './RiskTile';

/** Revenue, the top client as a risk tile, the top-3/5 shares, HHI as a number of equal clients, and the ABC counts. */
export function PortfolioCards({ r, onWhatIf }: { r: AnalyticsReport; onWhatIf: (id: number) => void }) {
  const { t } = useT();
  const { fmt, settings } = useSettings();
  const nums = screenNumbers(settings);
  const p = r.portfolio;
  const abc = (c: AnalyticsReport['abc']['counts']) => t('analytics:abcCounts', { a: fmt.number(c.A, 0), b: fmt.number(c.B, 0), c: fmt.number(c.C, 0) });
  return (
    <div className="cards analytics-cards" data-testid="portfolio">
      <div className="card"><span>{t('analytics:revenue')}</span><strong>{fmt.money(r.revenue)}</strong><small>{t('analytics:previous', { value: fmt.money(r.previousRevenue) })}</small></div>
      {r.rows[0] && <RiskTile top={r.rows[0]} onWhatIf={onWhatIf} />}
      <div className="card"><span>{t('analytics:top3')} / {t('analytics:top5')}</span><strong>{fmt.percent(p.top3Share)} / {fmt.percent(p.top5Share)}</strong></div>
      <div className="card" data-testid="hhi-card">
        <span>{t('analytics:hhi')}</span>
        <strong data-testid="hhi">{nums.fixed(p.hhi, 3)}</strong>
        <small data-testid="effective">{t('analytics:effective', { count: Math.round(p.effectiveClients * 10) / 10, value: fmt.number(p.effectiveClients, 1) })}</small>
      </div>
      <div className="card"><span>{t('analytics:abc')}</span><strong data-testid="abc-counts">{abc(r.abc.counts)}</strong><small>{t('analytics:previous', { value: abc(r.abc.previousCounts) })}</small></div>
    </div>
  );
}
