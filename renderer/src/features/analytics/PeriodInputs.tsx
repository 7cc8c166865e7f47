import { useEffect, useState } from 'react';
import type { Period } from '../../../../shared/features/analytics/period';
import { dateEntryExample, formatDateEntry, parseDateEntry } from '../../../../shared/kernel/date-entry';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';

/**
 * From and To typed in the locale's own order (03/12/2025 in en-GB,
 * 2025. 12. 03. in hu): a date input would show the browser's order instead.
 * A date that does not read, or a period that ends before it starts, is
 * named under the field and changes nothing until it is fixed.
 */
export function PeriodInputs({ period, onChange }: { period: Period; onChange: (p: Period) => void }) {
  const { t } = useT();
  const { settings } = useSettings();
  const show = (iso: string) => formatDateEntry(iso, settings.locale, settings.calendar);
  const [typed, setTyped] = useState({ from: show(period.from), to: show(period.to) });
  const [error, setError] = useState<{ field: keyof Period; message: string } | null>(null);
  // A period set elsewhere (or a new locale) replaces what the fields show.
  useEffect(() => setTyped({ from: show(period.from), to: show(period.to) }), [period.from, period.to, settings.locale, settings.calendar]);

  const commit = (field: keyof Period) => {
    const iso = parseDateEntry(typed[field], settings.locale, settings.calendar);
    if (!iso) return setError({ field, message: t('analytics:periodDate', { example: dateEntryExample(settings.locale, settings.calendar) }) });
    const next = { ...period, [field]: iso };
    if (next.from > next.to) return setError({ field, message: t('analytics:errors.periodOrder') });
    setError(null);
    if (next.from !== period.from || next.to !== period.to) onChange(next);
    else setTyped((s) => ({ ...s, [field]: show(iso) }));
  };
  const input = (field: keyof Period, label: string) => (
    <label className="period-field">
      {label}
      <input
        type="text"
        inputMode="numeric"
        value={typed[field]}
        aria-label={label}
        aria-invalid={error?.field === field}
        aria-describedby={error?.field === field ? 'period-error' : undefined}
        placeholder={dateEntryExample(settings.locale, settings.calendar)}
        onChange={(e) => setTyped((s) => ({ ...s, [field]: e.target.value }))}
        onBlur={() => commit(field)}
        onKeyDown={(e) => e.key === 'Enter' && commit(field)}
      />
    </label>
  );
  return (
    <>
      {input('from', t('analytics:from'))}
      {input('to', t('analytics:to'))}
      {error && <small className="error period-error" id="period-error" role="alert">{error.message}</small>}
    </>
  );
}
