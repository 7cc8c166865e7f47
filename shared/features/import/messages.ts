import { message, type Message } from '../../i18n/messages';
import type { MessageKey } from '../../i18n';
import { FIELD_NOUNS } from './fields';
import { columnLetter } from './table';

/**
 * Pieces the import's messages are built from. They cross IPC as keys with
 * parameters; English comes only from the resources (import:problems, …).
 */

/** A cell's own text inside a problem ("\"bad\" is not a number"). */
export const quoted = (text: string): Message => message('import:problems.quoted', { text });

/** A column as messages name it: its header, or its letter when the file gives it none. */
export function columnName(headers: readonly string[], index: number): Message {
  const header = headers[index];
  return header ? message('import:columns.named', { name: header }) : message('import:columns.letter', { letter: columnLetter(index) });
}

/** Where a saved mapping keeps a column's field: its header, or its letter when it has none. */
export const mappingKey = (headers: readonly string[], index: number): string => headers[index] || columnLetter(index);

/** "client and date and amount": each "and" is a message of its own, so a language joins them its way. */
export function andList(items: readonly (string | Message)[]): string | Message {
  let out: string | Message = items.at(-1) ?? '';
  for (let i = items.length - 2; i >= 0; i--) out = message('import:and', { first: items[i], rest: out });
  return out;
}

/**
 * A cell problem as a rejection reason: the cell's value becomes the word
 * "value", so rows that fail the same way count as one reason.
 */
export function withoutValue(m: Message): Message {
  return m.params && 'value' in m.params ? { key: m.key, params: { ...m.params, value: message('import:problems.aValue') } } : m;
}

/**
 * A problem as a reason names it after its column. Where the column has no
 * header its name already is its letter ("Column B: …"), so the letter the
 * problem adds ("… (column B)") would say it twice: the problem's own words only.
 */
function ownWords(headers: readonly string[], p: Message & { column: number }): Message {
  const why = p.params?.why;
  return p.key === 'import:problems.unreadable' && typeof why === 'object' && why !== null && !Array.isArray(why) && !headers[p.column] ? why : message(p.key, p.params);
}

/**
 * Why a row whose cells could not be read is rejected: "Header: problem;
 * Header2: problem". Lists in parameters are joined with commas, so the
 * cells chain instead, each `rest` the next cell or the next link.
 */
export function cellsReason(headers: readonly string[], problems: readonly (Message & { column: number })[]): Message {
  const cells = problems.map((p) => message('import:reasons.cell', { column: columnName(headers, p.column), problem: withoutValue(ownWords(headers, p)) }));
  let out = cells[cells.length - 1];
  for (let i = cells.length - 2; i >= 0; i--) out = message('import:reasons.cells', { first: cells[i], rest: out });
  return out;
}

/** A field as messages name it: its label on screen ("Amount"), never its key. */
export function fieldMessage(key: string): Message {
  const noun = FIELD_NOUNS[key] as MessageKey | undefined;
  return noun ? message(noun) : quoted(key);
}

/** The fields still to map, as a list a language joins its own way. */
export const missingFieldsList = (keys: readonly string[]): string | Message => andList(keys.map(fieldMessage));
