import type { DormancyOverview, FitInfo } from '../../../../shared/features/retention/types';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useFreshFit } from './useFit';

const SHORT = { too_small: 'retention:fit.shortTooSmall', not_converged: 'retention:fit.shortNotConverged', none: 'retention:fit.shortNone' } as const;

/** What the model says about itself: fitted (with its parameters), running, too small, or not converged — and the rule in force. */
export function FitBanner({ fit, rule, modelUsed }: { fit: FitInfo; rule: DormancyOverview['rule']; modelUsed: boolean }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const fresh = useFreshFit(fit);
  const p = fit.params;
  const why =
    fit.status === 'too_small' ? t('retention:fit.tooSmall', { clients: fmt.number(fit.clients, 0), repeats: fmt.number(fit.repeatOccasions, 0) })
    : fit.status === 'not_converged' ? t('retention:fit.notConverged')
    : fit.status === 'none' ? t('retention:fit.none')
    : null;
  return (
    <div className="fit-banner" data-testid="fit-banner">
      {fresh.running && <p className="muted" role="status">{t('retention:fit.running')}</p>}
      {fresh.error && <p className="form-error" role="alert">{t('retention:fit.failed', { message: fresh.error })}</p>}
      {p && fit.status === 'ok' && (
        <p className="muted">
          {t('retention:fit.ok', { clients: fmt.number(fit.clients, 0), repeats: fmt.number(fit.repeatOccasions, 0), r: fmt.number(p.r, 3), alpha: fmt.number(p.alpha, 3), a: fmt.number(p.a, 3), b: fmt.number(p.b, 3) })}
          {!fit.current && ` ${t('retention:fit.stale')}`}
        </p>
      )}
      {why && !fresh.running && <p className={fit.status === 'none' ? 'muted' : 'warning'}>{why}</p>}
      <p>
        {modelUsed
          ? t('retention:dormancy.rule', { factor: fmt.number(rule.gapFactor, 2), p: fmt.number(rule.pAliveBelow, 2) })
          : t('retention:dormancy.ruleNoModel', { factor: fmt.number(rule.gapFactor, 2), why: rule.pAliveBelow === 0 ? t('retention:fit.off') : t(SHORT[fit.status === 'ok' ? 'none' : fit.status]) })}{' '}
        <a href="#/settings">{t('retention:dormancy.change')}</a>
      </p>
    </div>
  );
}
