import { describe, expect, it } from 'vitest';
import { docText, headingsOf, isEmptyDoc, pieceAt, checkDoc, type DocNode } from '../../../shared/features/dossiers/doc';
import { diffDocs } from '../../../shared/features/dossiers/diff';
import { fold } from '../../../shared/features/dossiers/text/fold';
import { matchExpression, parseQuery } from '../../../shared/features/dossiers/text/query';
import { countWords, segmentRun, spaceWords } from '../../../shared/features/dossiers/text/segment';
import { markedText, snippetOf } from '../../../shared/features/dossiers/text/snippet';

const seg = new Intl.Segmenter('th', { granularity: 'word' });

describe('folding for search', () => {
  it('drops Latin accents both ways, folds ё to е, keeps й and Thai marks', () => {
    expect(fold('Ügyfél')).toBe(fold('ugyfel'));
    expect(fold('Sergé')).toBe('serge');
    expect(fold('SZERGEJ')).toBe(fold('Szergej'));
    expect(fold('Šiauliai Klaipėda ąčęėįšųūž')).toBe('siauliai klaipeda aceeisuuz');
    expect(fold('Ёлка')).toBe('елка');
    expect(fold('мой')).toBe('мой');
    expect(fold('Łódź œuvre Straße')).toBe('lodz oeuvre strasse');
    // Decomposed input (e + combining acute) folds like the composed one.
    expect(fold('Se\u0301rge')).toBe('serge');
    expect(fold('ที่ดี')).toBe('ที่ดี');
  });
});

describe('Thai words', () => {
  it('spaces the segmenter\'s words apart and counts them, leaving other scripts alone', () => {
    expect(spaceWords('ok สวัสดีครับผม, ดี')).toBe('ok สวัสดี ครับ ผม, ดี');
    expect(countWords('Hello world, ügyfél 12 สวัสดีครับผม')).toBe(7);
    expect(countWords('  ')).toBe(0);
  });

  it('cuts a long run into windows without losing a character or splitting a word the whole run keeps', () => {
    const run = 'บริษัทของเราได้ทำงานร่วมกับลูกค้ารายนี้มาเป็นเวลาหลายปีแล้วและมีความสัมพันธ์ที่ดีกับฝ่ายจัดซื้อ'.repeat(40);
    const pieces = segmentRun(run);
    expect(pieces.map((p) => p.segment).join('')).toBe(run);
    for (const p of pieces) expect(run.slice(p.index, p.index + p.segment.length)).toBe(p.segment);
    const whole = new Set([...seg.segment(run.slice(0, 400))].map((s) => s.segment));
    expect(pieces.filter((p) => p.index < 300).every((p) => whole.has(p.segment))).toBe(true);
  });
});

describe('queries', () => {
  it('makes every word required, phrases of Thai segments, and the last word a prefix while typing', () => {
    expect(matchExpression(parseQuery('Ügyfél "purchase plan"'))).toBe('"ugyfel" AND "purchase plan"');
    expect(matchExpression(parseQuery('szerg', true))).toBe('"szerg"*');
    expect(matchExpression(parseQuery('szerg ', true))).toBe('"szerg"');
    // One letter is no prefix: it would match most of the index.
    expect(matchExpression(parseQuery('a', true))).toBe('"a"');
    expect(matchExpression(parseQuery('ครับผม'))).toBe('("ครับ ผม" OR "ครับผม")');
    expect(matchExpression(parseQuery('  ,, ; '))).toBeNull();
    // Punctuation inside a word makes a phrase of its parts, as the tokenizer splits them.
    expect(matchExpression(parseQuery('a"b'))).toBe('"a b"');
  });
});

describe('snippets', () => {
  it('marks the query\'s words in the original text, accents and all', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(10)}Az ügyfél szerint Szergej a döntéshozó, nem Sergé.`;
    const s = snippetOf(text, parseQuery('ugyfel szergej'));
    expect(markedText(s)).toContain('**ügyfél** szerint **Szergej**');
    expect(s.at).toBe(text.indexOf('ügyfél'));
    expect(s.text.startsWith('…')).toBe(true);
  });

  it('marks a Thai word only where the segmenter puts it, not inside a longer word', () => {
    const text = 'ลูกค้าดี และลูกค้าใหม่ ดีมาก';
    const s = snippetOf(text, parseQuery('ดี'));
    const marked = s.marks.map(([a, b]) => s.text.slice(a, b));
    expect(marked.every((m) => m === 'ดี')).toBe(true);
    expect(marked.length).toBeGreaterThanOrEqual(1);
  });
});

const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });
const p = (text: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('the stored document', () => {
  it('derives one line per block and maps offsets back to text nodes', () => {
    const d = doc({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Plan' }] }, p('First'), { type: 'bulletList', content: [{ type: 'listItem', content: [p('One'), p('Two')] }] });
    const { text } = docText(d);
    expect(text).toBe('Plan\nFirst\nOne\nTwo');
    expect(pieceAt(d, text.indexOf('Two') + 1)).toEqual({ path: [2, 0, 1, 0], offset: 1 });
    expect(headingsOf(d)).toEqual([{ index: 0, level: 1, text: 'Plan' }]);
    expect(isEmptyDoc(doc({ type: 'paragraph' }))).toBe(true);
    expect(isEmptyDoc(doc({ type: 'liveFacts' }))).toBe(false);
  });

  it('refuses what the editor would never write, naming it', () => {
    expect(checkDoc({ type: 'doc', content: [{ type: 'script' }] })).toEqual({ key: 'dossiers:errors.docInvalid', params: { what: 'script' } });
    expect(checkDoc({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'color' }] }] }] })?.params).toEqual({ what: 'marks' });
    expect(checkDoc(doc(p('x'.repeat(2_000_001))))?.key).toBe('dossiers:errors.docTooLarge');
    expect(checkDoc(doc(p('fine')))).toBeNull();
  });
});

describe('revision diffs', () => {
  it('reads as a person would say it: a changed word, an added line, a ticked checklist item', () => {
    const older = doc(p('We visit them every month.'), { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: false }, content: [p('Send the offer')] }] });
    const newer = doc(p('We visit them every quarter.'), p('New line.'), { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [p('Send the offer')] }] });
    const lines = diffDocs(older, newer);
    const changed = lines.find((l) => l.op === 'changed' && l.kind === 'paragraph');
    expect(changed && changed.op === 'changed' && changed.words.filter((w) => w.op !== 'same')).toEqual([{ op: 'removed', text: 'month.' }, { op: 'added', text: 'quarter.' }]);
    expect(lines.some((l) => l.op === 'changed' && l.was === 'task' && l.kind === 'taskDone')).toBe(true);
    expect(lines.filter((l) => l.op === 'added')).toEqual([{ op: 'added', kind: 'paragraph', text: 'New line.' }]);
    expect(lines.filter((l) => l.op === 'removed')).toEqual([]);
    expect(diffDocs(newer, newer).every((l) => l.op === 'same')).toBe(true);
  });
});

describe('snippets in Thai', () => {
  it('start and end at word boundaries, never inside a word or on a vowel mark', () => {
    const text = 'ลูกค้ารายนี้ซื้อสว่านไร้สายทุกเดือนและอยากให้เราส่งของถึงหน้างานภายในวันเดียวผู้จัดการฝ่ายจัดซื้อชอบกินอาหารรสเผ็ดถ้าบริการดีเขาจะซื้อมากขึ้น'.repeat(3);
    const s = snippetOf(text, parseQuery('บริการ'), { before: 30, length: 80 });
    const body = s.text.replace(/^…/, '').replace(/…$/, '');
    const start = text.indexOf(body);
    expect(start).toBeGreaterThan(0);
    const bounds = new Set([...seg.segment(text)].map((x) => x.index));
    expect(bounds.has(start)).toBe(true);
    expect(bounds.has(start + body.length)).toBe(true);
    expect(s.text.slice(s.marks[0][0], s.marks[0][1])).toBe('บริการ');
  });
});
