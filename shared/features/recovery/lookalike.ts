import type { FieldKind, ProfileValue } from '../accounts';

export interface PortraitField {
  key: string;
  label: string;
  kind: FieldKind;
  typeId: number;
}

export interface Portrait {
  typeId: number | null;
  profile: Record<string, ProfileValue>;
}

interface FieldModel {
  field: PortraitField;
  score: (v: ProfileValue) => number;
}

export interface BestClientsModel {
  size: number;
  typeScore: Map<number, number>;
  fields: Map<number, FieldModel[]>;
}

/** Values within this factor of the A clients' median still count a little; equal counts fully. */
const NUMBER_SPAN = Math.log(4);

function valueShares(values: string[]): (v: string) => number {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const max = Math.max(0, ...counts.values());
  return (v) => (max > 0 ? (counts.get(v) ?? 0) / max : 0);
}

function numberScore(values: number[]): (v: number) => number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return (v) => {
    if (v === median) return 1;
    if (!(v > 0) || !(median > 0)) return 0;
    return Math.max(0, 1 - Math.abs(Math.log(v / median)) / NUMBER_SPAN);
  };
}

function fieldModel(field: PortraitField, peers: Portrait[]): FieldModel | null {
  const values = peers.map((p) => p.profile[field.key]).filter((v) => v !== undefined && v !== null);
  if (values.length === 0) return null;
  switch (field.kind) {
    case 'number': {
      const s = numberScore(values.filter((v): v is number => typeof v === 'number'));
      return { field, score: (v) => (typeof v === 'number' ? s(v) : 0) };
    }
    case 'select':
    case 'boolean': {
      const s = valueShares(values.map(String));
      return { field, score: (v) => (v === null || v === undefined ? 0 : s(String(v))) };
    }
    case 'list': {
      const s = valueShares(values.flatMap((v) => (Array.isArray(v) ? [...new Set(v.map((x) => x.toLowerCase()))] : [])));
      return { field, score: (v) => (Array.isArray(v) && v.length ? v.reduce((sum, x) => sum + s(x.toLowerCase()), 0) / v.length : 0) };
    }
    default:
      // Free text says too little to compare.
      return null;
  }
}

/** What the best clients look like: how common each type is among them, and per type what their portraits hold. */
export function bestClientsModel(best: Portrait[], fields: PortraitField[]): BestClientsModel {
  const byType = new Map<number, Portrait[]>();
  for (const b of best) if (b.typeId !== null) byType.set(b.typeId, [...(byType.get(b.typeId) ?? []), b]);
  const max = Math.max(0, ...[...byType.values()].map((l) => l.length));
  const typeScore = new Map([...byType].map(([t, l]) => [t, l.length / max]));
  const models = new Map<number, FieldModel[]>();
  for (const [typeId, peers] of byType) {
    models.set(typeId, fields.filter((f) => f.typeId === typeId).map((f) => fieldModel(f, peers)).filter((m): m is FieldModel => m !== null));
  }
  return { size: best.length, typeScore, fields: models };
}

/** Strong enough to name as a match. */
const MATCH = 0.6;

/**
 * 0–1: the type's standing among the best clients plus each comparable portrait
 * field's closeness, averaged over the type and all its comparable fields — a
 * field left empty counts as no match, so a prospect we know little about
 * ranks below one we know well.
 */
export function lookalike(model: BestClientsModel, p: Portrait): { score: number; matches: string[]; filled: number } {
  if (p.typeId === null || !model.typeScore.has(p.typeId)) return { score: 0, matches: [], filled: 0 };
  const fields = model.fields.get(p.typeId) ?? [];
  let sum = model.typeScore.get(p.typeId)!;
  let filled = 0;
  const scored: [string, number][] = [];
  for (const m of fields) {
    const v = p.profile[m.field.key];
    if (v === undefined || v === null) continue;
    filled++;
    const s = m.score(v);
    sum += s;
    if (s >= MATCH) scored.push([m.field.label, s]);
  }
  return { score: sum / (1 + fields.length), matches: scored.sort((a, b) => b[1] - a[1]).map(([l]) => l), filled };
}
