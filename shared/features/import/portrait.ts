import type { ClientTypeField, ProfileValue } from '../accounts';
import { message, type Message } from '../../i18n/messages';
import { foldHeader, PORTRAIT_PREFIX, type PortraitImportField } from './fields';
import { quoted } from './messages';

/** One import field per portrait field key, over the given types' fields (in their order). */
export function portraitImportFields(fields: readonly Pick<ClientTypeField, 'key' | 'label' | 'kind'>[]): PortraitImportField[] {
  const byKey = new Map<string, { labels: string[]; numbers: boolean }>();
  for (const f of fields) {
    let g = byKey.get(f.key);
    if (!g) byKey.set(f.key, (g = { labels: [], numbers: true }));
    if (!g.labels.includes(f.label)) g.labels.push(f.label);
    g.numbers &&= f.kind === 'number';
  }
  return [...byKey].map(([key, g]) => ({ key: PORTRAIT_PREFIX + key, label: g.labels.join(' / '), type: g.numbers ? 'number' : 'text', aliases: g.labels }));
}

// How files write yes and no, in the app's languages; TRUE/FALSE is how a workbook's own yes/no cells arrive.
const YES = ['yes', 'y', 'true', '1', 'x', '✓', '✔', 'igen', 'i', 'igaz', 'oui', 'o', 'vrai', 'taip', 't', 'tiesa', 'ใช่', 'มี', 'จริง', 'да', 'д', 'истина', 'есть'];
const NO = ['no', 'n', 'false', '0', 'nem', 'hamis', 'non', 'faux', 'ne', 'netiesa', 'melas', 'ไม่', 'ไม่ใช่', 'ไม่มี', 'เท็จ', 'нет', 'н', 'ложь'];
const YES_NO = new Map<string, boolean>([...YES.map((w) => [foldHeader(w), true] as const), ...NO.map((w) => [foldHeader(w), false] as const)]);

/** Limits of a stored portrait (shared/features/accounts/schemas.ts: profileValue). */
const MAX_ITEMS = 200;
const MAX_ITEM = 200;

export type PortraitRead = { value: ProfileValue; problem?: undefined } | { value?: undefined; problem: Message };

const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * A cell as the value a portrait field of `def`'s kind holds, or what is wrong
 * with it: a choice is matched whatever its case and accents and stored as the
 * option is written; a list is split at semicolons (or commas, when it has none).
 */
export function readPortraitValue(def: Pick<ClientTypeField, 'kind' | 'options'>, cell: string | number): PortraitRead {
  const text = typeof cell === 'number' ? String(cell) : cell.trim();
  const value = quoted(text);
  switch (def.kind) {
    case 'number':
      if (typeof cell === 'number') return { value: cell };
      return PLAIN_NUMBER.test(text) ? { value: Number(text.replace(',', '.')) } : { problem: message('import:problems.notNumber', { value }) };
    case 'boolean': {
      const b = YES_NO.get(foldHeader(text));
      return b === undefined ? { problem: message('import:problems.notYesNo', { value }) } : { value: b };
    }
    case 'select': {
      const option = def.options.find((o) => foldHeader(o) === foldHeader(text));
      // The options are the user's own words: they go as they are, only the sentence is translated.
      return option === undefined ? { problem: message('import:problems.notOption', { value, options: def.options.join(', ') }) } : { value: option };
    }
    case 'list': {
      const items = text.split(/[;\n|]/.test(text) ? /[;\n|]/ : /,/).map((x) => x.trim()).filter(Boolean);
      if (items.length > MAX_ITEMS) return { problem: message('import:problems.tooManyItems', { max: MAX_ITEMS }) };
      if (items.some((x) => x.length > MAX_ITEM)) return { problem: message('import:problems.itemTooLong', { max: MAX_ITEM }) };
      return { value: items };
    }
    default:
      return { value: text };
  }
}
