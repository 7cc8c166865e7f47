import type { ClientStory, KeyReasonInfo } from '../../../../shared/features/accounts/types';
import { useT, type T } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import type { Formatters } from '../../../../shared/kernel/format';

/** "42.7% of company revenue, for its reputation": why a client is key, in words. */
export function keyReasonText(t: T, fmt: Formatters, reasons: KeyReasonInfo[]): string {
  return reasons
    .map((r) => {
      switch (r.kind) {
        case 'company': return t('accounts:story.keyReason.company', { pct: fmt.percent(r.share) });
        case 'department': return t('accounts:story.keyReason.department', { pct: fmt.percent(r.share), of: r.of ?? '' });
        case 'manager': return t('accounts:story.keyReason.manager', { pct: fmt.percent(r.share), of: r.of ?? '' });
        default: return t(`accounts:story.keyReason.${r.kind}`);
      }
    })
    .join(', ');
}

/** The client's ABC class, risk band and key-account reason, next to its name. */
export function StoryBadges({ story }: { story: ClientStory | undefined }) {
  const { t } = useT();
  const { fmt } = useSettings();
  if (!story) return null;
  const { abc, band, share, keyReasons } = story.standing;
  return (
    <div className="story-badges" data-testid="story-badges">
      {abc ? (
        <span className={`badge abc abc-${abc}`} data-testid="abc-badge" title={t('accounts:story.abcTip')}>{t('accounts:story.abc', { abc })}</span>
      ) : (
        <span className="badge muted" data-testid="abc-badge">{t('accounts:story.abcNone')}</span>
      )}
      {band && (
        <span className={`badge band band-${band}`} data-testid="band-badge" title={t('accounts:story.bandTip', { share: fmt.percent(share) })}>
          {t(`accounts:story.band.${band}`)} · {fmt.percent(share)}
        </span>
      )}
      {keyReasons.length > 0 && (
        <span className="badge key" data-testid="key-badge">
          {t('accounts:story.keyAccount')}: {keyReasonText(t, fmt, keyReasons)}
        </span>
      )}
    </div>
  );
}
