import { useT } from '../../lib/i18n';
import { ThresholdsForm } from './ThresholdsForm';

/** Settings → the key-accounts thresholds: the Key accounts page's own form, found where settings are looked for. */
export function ThresholdsSettings() {
  const { t } = useT();
  return (
    <section className="settings-block" data-testid="settings-thresholds">
      <h2>{t('analytics:settings.thresholds')}</h2>
      <ThresholdsForm intro="analytics:settings.thresholdsIntro" />
    </section>
  );
}
