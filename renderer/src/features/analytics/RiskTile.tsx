import { BAND_COLOURS } from '../../../../shared/features/analytics/charts';
import type { DependencyRow } from '../../../../shared/features/analytics/types';
import { useT } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { clientPath } from '../accounts';

/**
 * The largest client, named, in the colour of its risk band (the settings'
 * bands: key, widen the base, dangerous, dictates terms), with what the share
 * means and what to do about it in plain words.
 */
export function RiskTile({ top, onWhatIf }: { top: DependencyRow; onWhatIf: (id: number) => void }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const colour = BAND_COLOURS[top.band];
  return (
    <div className={`card risk-tile risk-${top.band}`} data-testid="risk-tile" data-band={top.band} style={{ borderColor: colour, borderLeftColor: colour }}>
      <span>{t('analytics:top1')}</span>
      <div className="risk-head">
        <strong data-testid="top1">{fmt.percent(top.share)}</strong>
        <a href={href(clientPath(top.id))} data-testid="top-client-name">{top.name}</a>
        <em className="risk-badge" style={{ background: colour }} data-testid="risk-band">{t(`analytics:band.${top.band}`)}</em>
      </div>
      <p data-testid="risk-advice">{t(`analytics:risk.${top.band}`, { name: top.name, pct: fmt.percent(top.share), money: fmt.money(top.revenue) })}</p>
      <div>
        <button type="button" onClick={() => onWhatIf(top.id)}>{t('analytics:risk.whatIf')}</button>
      </div>
    </div>
  );
}
