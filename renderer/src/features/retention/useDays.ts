import { useCallback } from 'react';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';

/** "23 days" in the user's language, the number in the user's locale (a median can be 22.5). */
export function useDays(): (n: number) => string {
  const { t } = useT();
  const { fmt } = useSettings();
  return useCallback((n: number) => t('retention:dormancy.days', { count: n, value: fmt.number(n, 1) }), [t, fmt]);
}
