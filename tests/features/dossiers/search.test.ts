import { describe, expect, it } from 'vitest';
import { th } from '../../../electron/features/dossiers/demo/th';
import { icuVersion } from '../../../electron/features/dossiers/search-index';
import { emptyDatabase } from '../../helpers/db';
import { clientWithDossier, MULTILINGUAL, write } from './fixtures';

const seg = new Intl.Segmenter('th', { granularity: 'word' });
const thaiWords = (text: string) => new Set([...seg.segment(text)].filter((s) => s.isWordLike && /[\u0E00-\u0E7F]/.test(s.segment)).map((s) => s.segment));

describe('search across dossiers, contact notes and interactions', () => {
  it('finds words in six languages whichever way the accents are typed, ё = е', async () => {
    const db = emptyDatabase();
    const { call, dossier } = await clientWithDossier(db);
    const [en, hu, fr, lt, ru, th6] = dossier.sections;
    await write(call, en, MULTILINGUAL.en);
    await write(call, hu, MULTILINGUAL.hu);
    await write(call, fr, MULTILINGUAL.fr);
    await write(call, lt, MULTILINGUAL.lt);
    await write(call, ru, MULTILINGUAL.ru);
    await write(call, th6, MULTILINGUAL.th);
    const found = async (q: string) => (await call('dossiers.search', { q })).hits.map((h: { refId: number }) => h.refId);
    expect(await found('Szergej')).toEqual([hu.id]);
    expect(await found('szergej')).toEqual([hu.id]);
    expect(await found('ugyfel')).toEqual([hu.id]);
    expect(await found('ÜGYFÉL')).toEqual([hu.id]);
    expect(await found('Sergé')).toEqual([fr.id]);
    expect(await found('serge')).toEqual([fr.id]);
    expect(await found('gerant trimestrielle')).toEqual([fr.id]);
    expect(await found('Siauliuose kazlauskiene')).toEqual([lt.id]);
    expect(await found('Šiauliuose')).toEqual([lt.id]);
    expect(await found('федор')).toEqual([ru.id]);
    expect(await found('Алена всё')).toEqual([ru.id]);
    expect(await found('елочные')).toEqual([ru.id]);
    expect(await found('framework agreement')).toEqual([en.id]);
    expect(await found('"agreement framework"')).toEqual([]);
    expect(await found('"framework agreement"')).toEqual([en.id]);
    expect(await found('สว่านไร้สาย')).toEqual([th6.id]);
    expect(await found('ดี')).toEqual([th6.id]);
    expect(await found('nothinglikethis')).toEqual([]);
    const r = await call('dossiers.search', { q: 'ugyfel' });
    expect(r.hits[0]).toMatchObject({ kind: 'section', clientCode: 'C1', clientName: 'Orion Kft', title: hu.title });
    expect(r.hits[0].snippet.slice(r.hits[0].marks[0][0], r.hits[0].marks[0][1])).toBe('ügyfél');
    expect(r.hits[0].at).toBe(MULTILINGUAL.hu.indexOf('ügyfél'));
  });

  it('finds every section holding a Thai word, as a word-segmented scan of the same texts does, 2-letter words included', async () => {
    const db = emptyDatabase();
    const { call, client } = await clientWithDossier(db);
    // More sections than the template has: each gets a different mix of the demo's Thai sentences.
    const sentences = Object.values(th.sections).flat();
    const texts: string[] = [];
    for (let k = 0; k < 16; k++) texts.push(sentences.filter((_, i) => (i * 7 + k) % 5 === 0 || (i + k) % 11 === 0).join(' '));
    const ids: number[] = [];
    for (const [k, text] of texts.entries()) {
      const { id } = await call('dossiers.addSection', { dossierId: (await call('dossiers.get', { clientId: client.id })).id, title: `Part ${k}`, afterId: null });
      await write(call, { id, revision: 1 }, text);
      ids.push(id);
    }
    const vocabulary = new Set(texts.flatMap((t) => [...thaiWords(t)]));
    const twoLetter = [...vocabulary].filter((w) => w.length === 2);
    expect(twoLetter.length).toBeGreaterThan(0);
    expect(vocabulary.size).toBeGreaterThan(100);
    let checked = 0;
    for (const word of vocabulary) {
      const expected = ids.filter((_, i) => thaiWords(texts[i]).has(word)).sort();
      const r = await call('dossiers.search', { q: word, limit: 200 });
      const got = r.hits.filter((h: { kind: string; refId: number }) => h.kind === 'section' && ids.includes(h.refId)).map((h: { refId: number }) => h.refId).sort();
      expect(got, `"${word}"`).toEqual(expected);
      checked++;
    }
    expect(checked).toBe(vocabulary.size);
  });

  it('prefix search while typing, ranked by relevance, with a total over everything that matches', async () => {
    const db = emptyDatabase();
    const { call, dossier } = await clientWithDossier(db);
    const [a, b, c] = dossier.sections;
    await write(call, a, 'Consignment stock. Consignment terms. Consignment again.');
    await write(call, b, 'One consignment here among many other words about other things entirely.');
    await write(call, c, 'Nothing relevant.');
    const r = await call('dossiers.search', { q: 'consig', typing: true, limit: 1 });
    expect(r.total).toBe(2);
    expect(r.hits).toHaveLength(1);
    expect(r.hits[0]).toMatchObject({ refId: a.id, rank: 1 });
    expect((await call('dossiers.search', { q: 'consig', typing: false })).total).toBe(0);
    const page2 = await call('dossiers.search', { q: 'consig', typing: true, limit: 1, offset: 1 });
    expect(page2.hits[0]).toMatchObject({ refId: b.id, rank: 2 });
  });

  it('follows contact notes and interaction summaries written by the accounts feature: edits, archiving, deletion', async () => {
    const db = emptyDatabase();
    const { call, client } = await clientWithDossier(db);
    const contact = await call('contacts.create', { clientId: client.id, name: 'Nagy Ágnes', level: 'owner', notes: 'Szereti a vörösbort és a teniszt.' });
    const interaction = await call('interactions.create', { clientId: client.id, kind: 'call', date: '2026-03-02', summary: 'Обсудили годовой объём, Фёдор согласен.' });
    const hit = async (q: string) => (await call('dossiers.search', { q })).hits.map((h: { kind: string; refId: number }) => `${h.kind}:${h.refId}`);
    expect(await hit('vorosbort')).toEqual([`contact:${contact.id}`]);
    expect(await hit('федор')).toEqual([`interaction:${interaction.id}`]);
    const full = { clientId: client.id, name: 'Nagy Ágnes', level: 'owner' };
    await call('contacts.update', { id: contact.id, ...full, notes: 'Inkább pálinkát iszik.' });
    expect(await hit('vorosbort')).toEqual([]);
    expect(await hit('palinkat')).toEqual([`contact:${contact.id}`]);
    await call('interactions.archive', { id: interaction.id });
    expect(await hit('федор')).toEqual([]);
    await call('interactions.restore', { id: interaction.id });
    expect(await hit('федор')).toEqual([`interaction:${interaction.id}`]);
    db.sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(contact.id);
    expect(await hit('palinkat')).toEqual([]);
    expect((db.sqlite.prepare('SELECT count(*) AS n FROM dossier_search_queue').get() as { n: number }).n).toBe(0);
  });

  it('keeps sections in step: a removed section leaves the index, a restored one comes back, a rename is found', async () => {
    const db = emptyDatabase();
    const { call, dossier } = await clientWithDossier(db);
    const s = dossier.sections[0];
    await write(call, s, 'Tőzsdei bevezetés');
    await call('dossiers.removeSection', { sectionId: s.id });
    expect((await call('dossiers.search', { q: 'tozsdei' })).total).toBe(0);
    await call('dossiers.restoreSection', { sectionId: s.id });
    expect((await call('dossiers.search', { q: 'tozsdei' })).total).toBe(1);
    await call('dossiers.renameSection', { sectionId: s.id, title: 'Kockázatelemzés' });
    expect((await call('dossiers.search', { q: 'kockazatelemzes' })).total).toBe(1);
  });

  it('rebuilds the index when the ICU that segments Thai is not the one it was built with', async () => {
    const db = emptyDatabase();
    const { call, dossier } = await clientWithDossier(db);
    await write(call, dossier.sections[0], MULTILINGUAL.th);
    await call('dossiers.search', { q: 'ลูกค้า' });
    expect(db.sqlite.prepare('SELECT icu FROM dossier_search_state').get()).toEqual({ icu: icuVersion() });
    // As if the index was written by an older Electron: its Thai words may be split differently.
    db.sqlite.prepare(`UPDATE dossier_search_state SET icu = '60.1'`).run();
    db.sqlite.prepare('DELETE FROM dossier_search').run();
    const r = await call('dossiers.search', { q: 'ลูกค้า' });
    expect(r.total).toBe(1);
    expect(r.indexing).toBe(false);
    expect(db.sqlite.prepare('SELECT icu FROM dossier_search_state').get()).toEqual({ icu: icuVersion() });
  });

  it('refuses a query longer than 500 characters with a message, and answers nothing for punctuation only', async () => {
    const db = emptyDatabase();
    const { call, fail } = await clientWithDossier(db);
    const e = await fail('dossiers.search', { q: 'x'.repeat(501) });
    expect(e.issues?.[0]).toMatchObject({ path: ['q'], message: 'Use at most 500 characters' });
    expect(await call('dossiers.search', { q: '!!! ,,, ' })).toMatchObject({ total: 0, hits: [] });
  });
});
