import type { Campaign } from '../../../../shared/features/retention/types';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { href } from '../../lib/navigation';
import { useSettings } from '../../lib/settings-context';
import { RETENTION_PATHS } from './paths';

/** The campaigns under way: what each is about, how far the calling got, and its results. */
export function CampaignsPanel({ campaigns, onPick, title }: { campaigns: Campaign[]; onPick?: (id: number) => void; title?: string }) {
  const { t } = useT();
  const { fmt } = useSettings();
  return (
    <section className="settings-block" data-testid="campaigns">
      {title !== '' && <h2>{title ?? t('retention:winback.campaigns')}</h2>}
      {campaigns.length === 0 && <p className="muted">{t('retention:winback.noCampaigns')}</p>}
      <ul className="plain-list">
        {campaigns.map((c) => (
          <li key={c.id} data-testid="campaign">
            {/* The name is the user's data, not a label of the app: the button says what it does. */}
            <strong>{c.name}</strong>{' '}
            {onPick && <button type="button" onClick={() => onPick(c.id)}>{t('retention:winback.call')}</button>}{' '}
            <span className="muted">
              {t('retention:winback.campaignLine', { reason: c.reason === 'own' && c.reasonText ? c.reasonText : t(`retention:reasons.${c.reason}`), until: fmt.date(c.offerUntil), members: c.members, called: c.called })}
              {c.holdoutShare > 0 && ` · ${t('retention:winback.holdoutLine', { share: fmt.percent(c.holdoutShare) })}`}
            </span>{' '}
            <a href={href(RETENTION_PATHS.results(c.id))}>{t('retention:winback.results')}</a>{' '}
            <button type="button" onClick={() => void call('retention.archiveCampaign', { id: c.id })}>{t('retention:winback.archive')}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
