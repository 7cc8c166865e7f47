import type { Reason } from '../../../../shared/features/recovery/types';
import { isProspectSource } from '../../../../shared/features/recovery/enums';
import type { Option } from '../../components/form-values';
import type { T } from '../../lib/i18n';

/** A reason's name: the user's own, else the built-in one in the user's language. */
export function reasonLabel(t: T, reason: Reason | undefined | null): string {
  if (!reason) return t('recovery:reasons.unknown');
  return reason.label ?? (reason.code ? t(`recovery:reasons.builtin.${reason.code}`) : '');
}

export const reasonName = (t: T, reasons: Reason[] | undefined, id: number | null): string => reasonLabel(t, id === null ? null : reasons?.find((r) => r.id === id));

export const reasonOptions = (t: T, reasons: Reason[] | undefined): Option[] => (reasons ?? []).filter((r) => !r.archivedAt).map((r) => ({ value: r.id, label: reasonLabel(t, r) }));

/** A client's source: ours translated, anything else as the user typed it. */
export const sourceLabel = (t: T, source: string | null): string => (isProspectSource(source) ? t(`recovery:source.${source}`) : source ?? '');

/** Choices of an enum, each labelled by a typed key per value. */
export const choices = <V extends string>(values: readonly V[], label: (v: V) => string): Option[] => values.map((v) => ({ value: v, label: label(v) }));
