import type { FieldSpec, FormState } from '../../components/form-values';
import { editableNumber } from '../../components/form-values';
import type { AnalyticsSettings } from '../../../../shared/features/analytics/settings';
import { parseNumberEntry } from '../../../../shared/kernel/format';

/**
 * The thresholds as the user types them: shares in percent (80, not 0.8),
 * field names that are the settings' own paths ('bands.2'), so the schema's
 * issues land under the field they concern.
 */
type Kind = 'percent' | 'count' | 'flag';
interface Threshold { name: string; label: FieldSpec['label']; kind: Kind }

/** `name` is what a problem with the group as a whole (bands out of order) is called. */
export const THRESHOLD_GROUPS: { legend: FieldSpec['label']; name: FieldSpec['label']; path: string; fields: Threshold[] }[] = [
  {
    legend: 'analytics:thresholds.abc', name: 'analytics:thresholds.abc', path: 'abc',
    fields: [
      { name: 'classA', label: 'analytics:thresholds.classA', kind: 'percent' },
      { name: 'classB', label: 'analytics:thresholds.classB', kind: 'percent' },
      { name: 'growthVariant', label: 'analytics:thresholds.growthVariant', kind: 'flag' },
      { name: 'growthRate', label: 'analytics:thresholds.growthRate', kind: 'percent' },
    ],
  },
  {
    legend: 'analytics:thresholds.bands', name: 'analytics:thresholds.bandsName', path: 'bands',
    fields: [
      { name: 'bands.0', label: 'analytics:thresholds.band0', kind: 'percent' },
      { name: 'bands.1', label: 'analytics:thresholds.band1', kind: 'percent' },
      { name: 'bands.2', label: 'analytics:thresholds.band2', kind: 'percent' },
      { name: 'bands.3', label: 'analytics:thresholds.band3', kind: 'percent' },
    ],
  },
  {
    legend: 'analytics:thresholds.keyAccounts', name: 'analytics:thresholds.keyAccounts', path: 'key',
    fields: [
      { name: 'keyShare', label: 'analytics:thresholds.keyShare', kind: 'percent' },
      { name: 'kamMaxAccounts', label: 'analytics:thresholds.kamMax', kind: 'count' },
      { name: 'keyPerManager', label: 'analytics:thresholds.keyPerManager', kind: 'count' },
      { name: 'staleContactDays', label: 'analytics:thresholds.staleDays', kind: 'count' },
    ],
  },
];

export const THRESHOLDS = THRESHOLD_GROUPS.flatMap((g) => g.fields);

export const fieldSpec = (f: Threshold): FieldSpec => (f.kind === 'flag' ? { name: f.name, label: f.label, kind: 'checkbox' } : { name: f.name, label: f.label, kind: 'number' });

/** A field's value in the settings shape, by its path ('bands.2'). */
export const valueAt = (s: object, name: string): unknown => name.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], s);

/** A percentage typed as 57.3 is stored as 0.573 exactly, not 0.5730000000000001. */
const fromPercent = (v: number) => Math.round(v * 1e7) / 1e9;

export function thresholdsToForm(s: AnalyticsSettings, locale: string): FormState {
  const state: FormState = {};
  for (const f of THRESHOLDS) {
    const v = valueAt(s, f.name);
    state[f.name] = f.kind === 'flag' ? Boolean(v) : editableNumber(f.kind === 'percent' ? Math.round((v as number) * 1e9) / 1e7 : v, locale);
  }
  return state;
}

/**
 * What was typed over the saved settings (fields this form does not know
 * about, added later, go back as they were). An empty or unreadable entry
 * goes on as null or NaN for the schema to name.
 */
export function formToThresholds(state: FormState, saved: AnalyticsSettings, locale: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...saved, bands: [...saved.bands] };
  for (const f of THRESHOLDS) {
    const typed = state[f.name];
    const value = f.kind === 'flag' ? Boolean(typed) : parseNumberEntry(String(typed ?? ''), locale);
    const stored = typeof value === 'number' && f.kind === 'percent' && Number.isFinite(value) ? fromPercent(value) : value;
    const [head, index] = f.name.split('.');
    if (index === undefined) out[head] = stored;
    else (out[head] as unknown[])[Number(index)] = stored;
  }
  return out;
}
