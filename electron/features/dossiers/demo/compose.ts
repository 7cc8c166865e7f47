import type { DocNode } from '../../../../shared/features/dossiers/doc';
import type { SectionKey } from '../../../../shared/features/dossiers/template';
import { countWords } from '../../../../shared/features/dossiers/text/segment';
import type { Pick as Rng } from './seeded';
import type { DemoBank } from './bank';

export interface Slots {
  client: string;
  person: string;
  person2: string;
  city: string;
}

const text = (t: string): DocNode => ({ type: 'text', text: t });
const para = (t: string): DocNode => ({ type: 'paragraph', content: [text(t)] });

function fill(sentence: string, bank: DemoBank, slots: Slots, r: Rng): string {
  return sentence.replace(/\{(\w+)\}/g, (_, k: string) => {
    switch (k) {
      case 'client': return slots.client;
      case 'person': return slots.person;
      case 'person2': return slots.person2;
      case 'city': return slots.city;
      case 'product': return r.pick(bank.products);
      case 'product2': return r.pick(bank.products);
      case 'competitor': return r.pick(bank.competitors);
      case 'month': return r.pick(bank.months);
      case 'year': return String(r.int(1989, 2016));
      case 'pct': return String(r.int(5, 35));
      case 'n': return String(r.int(12, 240));
      default: return k;
    }
  });
}

/** Thai sentences are joined with a space (as Thai writes clauses), the others with one space after the full stop. */
const joinSentences = (xs: string[]) => xs.join(' ');

function paragraphOf(bank: DemoBank, key: SectionKey, slots: Slots, r: Rng): string {
  const n = r.int(3, 6);
  const pool = [...bank.sections[key], ...bank.sections[key], ...bank.generic];
  return joinSentences(Array.from({ length: n }, () => fill(r.pick(pool), bank, slots, r)));
}

/**
 * One section of a demo dossier: its sub-headings with paragraphs until it
 * reaches about `words` words, plus what that section typically holds (a
 * checklist in the plan, a comparison table of competitors, a live facts
 * block among purchases, a list of needs).
 */
export function composeSection(bank: DemoBank, key: SectionKey, slots: Slots, r: Rng, words: number): DocNode {
  const content: DocNode[] = [];
  let count = 0;
  const add = (n: DocNode, w = 0) => {
    content.push(n);
    count += w;
  };
  if (key === 'purchases') add({ type: 'liveFacts', attrs: { frozen: null } });
  const headings = bank.headings[key];
  for (let h = 0; count < words; h++) {
    const title = headings[h % headings.length];
    add({ type: 'heading', attrs: { level: h < headings.length ? 1 : 2 }, content: [text(title)] }, countWords(title));
    for (let p = 0, np = r.int(2, 3); p < np; p++) {
      const t = paragraphOf(bank, key, slots, r);
      add(para(t), countWords(t));
    }
    if (h === 0 && key === 'needs') add({ type: 'bulletList', content: bank.bullets.slice(0, 4).map((b) => ({ type: 'listItem', content: [para(b)] })) }, 12);
    if (h === 0 && key === 'strategy') add({ type: 'taskList', content: bank.tasks.map((t, i) => ({ type: 'taskItem', attrs: { checked: i < 2 }, content: [para(t)] })) }, 20);
    if (h === 0 && key === 'competitors') {
      const cell = (t: string, header = false): DocNode => ({ type: header ? 'tableHeader' : 'tableCell', attrs: { colspan: 1, rowspan: 1 }, content: [para(t)] });
      add({
        type: 'table',
        content: [
          { type: 'tableRow', content: bank.table.head.map((x) => cell(x, true)) },
          ...bank.competitors.map((c) => ({ type: 'tableRow', content: [cell(c), cell(r.pick(bank.table.strengths)), cell(r.pick(bank.table.weaknesses))] })),
        ],
      }, 15);
    }
    if (h > 500) break;
  }
  return { type: 'doc', content };
}
