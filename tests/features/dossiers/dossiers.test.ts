import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyticsReport } from '../../../electron/features/analytics';
import { updateSettings } from '../../../electron/features/settings/service';
import { emptyDatabase } from '../../helpers/db';
import { routerCalls } from '../../helpers/router';
import { clientWithDossier, docOf, write } from './fixtures';

const count = (db: ReturnType<typeof emptyDatabase>, table: string) => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

afterEach(() => vi.useRealTimers());

describe('a dossier', () => {
  it('starts from the template in the user\'s language; the template can be changed in Settings', async () => {
    const db = emptyDatabase();
    const { call, fail } = routerCalls(db);
    const a = await call('clients.create', { name: 'Alfa' });
    const b = await call('clients.create', { name: 'Béta' });
    expect(await call('dossiers.get', { clientId: a.id })).toBeNull();
    await call('dossiers.create', { clientId: a.id });
    const d = await call('dossiers.get', { clientId: a.id });
    expect(d.sections.map((s: { title: string }) => s.title)).toEqual(['Company overview', 'People and relationships', 'Purchase history and products', 'Needs and potential', 'Competitors and alternative suppliers', 'Strategy and plan', 'Risks and dependency', 'Meeting notes']);
    expect(d.sections.every((s: { empty: boolean }) => s.empty)).toBe(true);
    // Starting twice gives the same dossier.
    expect((await call('dossiers.create', { clientId: a.id })).id).toBe(d.id);

    const e = await fail('dossiers.saveTemplate', { sections: [{ key: null, title: '' }] });
    expect(e.issues?.[0]).toMatchObject({ path: ['sections', 0, 'title'], message: 'Give the section a title' });
    expect((await fail('dossiers.saveTemplate', { sections: [] })).issues?.[0].message).toBe('The template needs at least one section');
    await call('dossiers.saveTemplate', { sections: [{ key: 'people', title: null }, { key: null, title: 'Tőzsdei adatok' }, { key: 'company', title: 'A cég' }] });
    updateSettings(db, { language: 'hu' });
    await call('dossiers.create', { clientId: b.id });
    const hu = await call('dossiers.get', { clientId: b.id });
    expect(hu.sections.map((s: { title: string; templateKey: string | null }) => [s.templateKey, s.title])).toEqual([['people', 'Emberek és kapcsolatok'], [null, 'Tőzsdei adatok'], ['company', 'A cég']]);
    expect((await fail('dossiers.create', { clientId: 999 })).message).toBe('Client #999 does not exist');

    // The dossier started in English: its standard titles now speak Hungarian, a renamed one keeps the user's words.
    await call('dossiers.renameSection', { sectionId: d.sections[1].id, title: 'Kik döntenek' });
    const again = await call('dossiers.get', { clientId: a.id });
    expect(again.sections.slice(0, 3).map((s: { title: string }) => s.title)).toEqual(['A cég bemutatása', 'Kik döntenek', 'Vásárlási előzmények és termékek']);
    expect(db.sqlite.prepare('SELECT title FROM dossier_sections WHERE id = ?').get(d.sections[0].id)).toEqual({ title: 'Company overview' });
    const row = (await call('dossiers.list', {})).find((r: { clientId: number }) => r.clientId === a.id);
    expect(row.emptyTitles.slice(0, 2)).toEqual(['A cég bemutatása', 'Kik döntenek']);
  });

  it('opens with the text of the sections it opens at, as the JSON stored, and every section\'s headings; the others come one by one', async () => {
    const db = emptyDatabase();
    const { call, fail, dossier } = await clientWithDossier(db);
    const stored = (id: number) => (db.sqlite.prepare('SELECT doc FROM dossier_sections WHERE id = ?').get(id) as { doc: string }).doc;
    const heading = (text: string) => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
    const doc = { type: 'doc', content: [heading('Árak'), docOf('Kovács Anna dönt.').content![0]] };
    const [a, b, c] = dossier.sections;
    await call('dossiers.saveSection', { sectionId: a.id, baseRevision: 1, doc });
    // Saved last with the cursor in the third section: the dossier reopens there.
    await call('dossiers.saveSection', { sectionId: c.id, baseRevision: 1, doc: { type: 'doc', content: [heading('Döntők'), heading('Ütemterv')] }, position: 3 });
    await call('dossiers.saveSection', { sectionId: b.id, baseRevision: 1, doc: { type: 'doc', content: [docOf('x').content![0], heading('Versenytársak')] } });
    await call('dossiers.saveSection', { sectionId: c.id, baseRevision: 2, doc: { type: 'doc', content: [heading('Döntők'), heading('Ütemterv')] }, position: 5 });
    const d = await call('dossiers.get', { clientId: dossier.clientId });
    expect(d.lastSectionId).toBe(c.id);
    const [first, second, third] = d.sections;
    expect(first).not.toHaveProperty('doc');
    expect(first.docJson).toBe(stored(a.id));
    expect(JSON.parse(first.docJson)).toEqual(doc);
    expect(first).toMatchObject({ words: 4, revision: 2, empty: false, headings: [{ index: 0, level: 2, text: 'Árak' }] });
    expect(third.docJson).toBe(stored(c.id));
    expect(second.docJson).toBeNull();
    expect(second.headings).toEqual([{ index: 1, level: 2, text: 'Versenytársak' }]);
    expect(d.sections.slice(3).every((s: { docJson: unknown }) => s.docJson === null)).toBe(true);
    expect(await call('dossiers.section', { sectionId: b.id })).toEqual({ id: b.id, docJson: stored(b.id), revision: 2, savedAt: second.savedAt });
    expect((await fail('dossiers.section', { sectionId: 9999 })).code).toBe('not_found');
  });

  it('saves a section only from the version it was based on, and says which is newer; the refused save changes nothing', async () => {
    const db = emptyDatabase();
    const { call, fail, dossier } = await clientWithDossier(db);
    const s = dossier.sections[0];
    const first = await call('dossiers.saveSection', { sectionId: s.id, baseRevision: 1, doc: docOf('Window A') });
    expect(first).toMatchObject({ revision: 2, words: 2 });
    const stale = await fail('dossiers.saveSection', { sectionId: s.id, baseRevision: 1, doc: docOf('Window B') });
    expect(stale).toMatchObject({ code: 'conflict', key: 'dossiers:errors.staleSave', params: { theirs: 2, yours: 1 } });
    expect(stale.message).toContain('Another window saved this section (version 2) after you started from version 1');
    expect(db.sqlite.prepare('SELECT text, revision FROM dossier_sections WHERE id = ?').get(s.id)).toEqual({ text: 'Window A', revision: 2 });
    expect((await fail('dossiers.saveSection', { sectionId: s.id, baseRevision: 5, doc: docOf('x') })).key).toBe('dossiers:errors.aheadSave');

    // "Take the newer one": B's text is kept in the history; "keep mine": A's is.
    await call('dossiers.keepCopy', { sectionId: s.id, doc: docOf('Window B') });
    const mine = await call('dossiers.saveSection', { sectionId: s.id, baseRevision: 2, doc: docOf('Window B wins'), keepReplaced: true });
    expect(mine.revision).toBe(3);
    const history = await call('dossiers.revisions', { sectionId: s.id });
    const texts = await Promise.all(history.map(async (r: { id: number }) => JSON.stringify((await call('dossiers.revision', { id: r.id })).doc)));
    expect(texts.some((t) => t.includes('"Window B"'))).toBe(true);
    expect(texts.some((t) => t.includes('"Window A"'))).toBe(true);
    expect(history.filter((r: { reason: string }) => r.reason === 'conflict')).toHaveLength(2);
  });

  it('refuses a document the editor could not have written and one too large, naming the field; nothing changes', async () => {
    const db = emptyDatabase();
    const { fail, dossier } = await clientWithDossier(db);
    const s = dossier.sections[0];
    const bad = await fail('dossiers.saveSection', { sectionId: s.id, baseRevision: 1, doc: { type: 'doc', content: [{ type: 'iframe' }] } });
    expect(bad.issues?.[0]).toMatchObject({ path: ['doc'], message: 'The editor sent something Rapport cannot store (iframe). Nothing was saved; what you typed is still here.' });
    const huge = await fail('dossiers.saveSection', { sectionId: s.id, baseRevision: 1, doc: docOf('ű'.repeat(2_100_000)) });
    expect(huge.issues?.[0].message).toMatch(/^This section is too long to save \(more than 2000000 characters\)/);
    expect(db.sqlite.prepare('SELECT revision FROM dossier_sections WHERE id = ?').get(s.id)).toEqual({ revision: 1 });
  });

  it('takes a change of a few blocks instead of the whole text, and refuses one that does not fit what is stored', async () => {
    const db = emptyDatabase();
    const { call, fail, dossier } = await clientWithDossier(db);
    const s = dossier.sections[0];
    await write(call, s, 'One', 'Two', 'Three');
    const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const r = await call('dossiers.saveSection', { sectionId: s.id, baseRevision: s.revision, patch: { from: 1, to: 2, nodes: [p('Two and a half'), p('Two and three quarters')], count: 4 } });
    expect(db.sqlite.prepare('SELECT text FROM dossier_sections WHERE id = ?').get(s.id)).toEqual({ text: 'One\nTwo and a half\nTwo and three quarters\nThree' });
    expect(r.words).toBe(10);
    const wrong = await fail('dossiers.saveSection', { sectionId: s.id, baseRevision: r.revision, patch: { from: 0, to: 1, nodes: [], count: 9 } });
    expect(wrong.issues?.[0]).toMatchObject({ path: ['patch'], key: 'dossiers:errors.patchInvalid' });
    expect((await fail('dossiers.saveSection', { sectionId: s.id, baseRevision: r.revision, patch: { from: 0, to: 0, nodes: [{ type: 'video' }], count: 5 } })).issues?.[0].key).toBe('dossiers:errors.patchInvalid');
    expect((await fail('dossiers.saveSection', { sectionId: s.id, baseRevision: r.revision, doc: docOf('x'), patch: { from: 0, to: 0, nodes: [], count: 4 } })).issues?.[0].key).toBe('dossiers:errors.docOrPatch');
    expect((await fail('dossiers.saveSection', { sectionId: s.id, baseRevision: r.revision, patch: { from: 0, to: 0, nodes: [p('ő'.repeat(1_500_000)), p('ő'.repeat(600_000))], count: 6 } })).issues?.[0].key).toBe('dossiers:errors.docTooLarge');
    expect(db.sqlite.prepare('SELECT revision FROM dossier_sections WHERE id = ?').get(s.id)).toEqual({ revision: r.revision });
  });

  it('keeps a revision every few minutes of typing, and restoring one keeps what was there first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T09:00:00Z'));
    const db = emptyDatabase();
    const { call, dossier } = await clientWithDossier(db);
    const s = dossier.sections[0];
    await write(call, s, 'Version one');
    for (let i = 0; i < 20; i++) {
      vi.setSystemTime(new Date(Date.now() + 1000));
      await write(call, s, `Version one and ${i}`);
    }
    expect((await call('dossiers.revisions', { sectionId: s.id })).length).toBe(1);
    vi.setSystemTime(new Date(Date.now() + 6 * 60_000));
    const r = await write(call, s, 'Version two');
    expect(r.snapshot).toBe(true);
    const list = await call('dossiers.revisions', { sectionId: s.id });
    expect(list.map((x: { reason: string }) => x.reason)).toEqual(['snapshot', 'snapshot']);
    // A clock set back still gets history: a save older than the last revision snapshots too.
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
    expect((await write(call, s, 'Version three')).snapshot).toBe(true);

    const oldest = list[list.length - 1];
    const restored = await call('dossiers.restoreRevision', { revisionId: oldest.id, baseRevision: s.revision });
    expect(restored.revision).toBe(s.revision + 1);
    expect(db.sqlite.prepare('SELECT text FROM dossier_sections WHERE id = ?').get(s.id)).toEqual({ text: 'Version one' });
    const after = await call('dossiers.revisions', { sectionId: s.id });
    expect(after[0].reason).toBe('beforeRestore');
    expect(JSON.stringify((await call('dossiers.revision', { id: after[0].id })).doc)).toContain('Version three');
    expect(await call('dossiers.snapshot', { sectionId: s.id })).not.toBeNull();
    expect(await call('dossiers.snapshot', { sectionId: s.id })).toBeNull();
  });

  it('adds, renames, reorders, removes and puts back sections; a stale order is refused', async () => {
    const db = emptyDatabase();
    const { call, fail, dossier, client } = await clientWithDossier(db);
    const ids = dossier.sections.map((s: { id: number }) => s.id);
    const added = await call('dossiers.addSection', { dossierId: dossier.id, title: 'Tender 2027', afterId: ids[0] });
    let d = await call('dossiers.get', { clientId: client.id });
    expect(d.sections[1]).toMatchObject({ id: added.id, title: 'Tender 2027', position: 2 });
    const order = [...d.sections.map((s: { id: number }) => s.id)].reverse();
    await call('dossiers.reorderSections', { dossierId: dossier.id, order });
    d = await call('dossiers.get', { clientId: client.id });
    expect(d.sections.map((s: { id: number }) => s.id)).toEqual(order);
    expect((await fail('dossiers.reorderSections', { dossierId: dossier.id, order: order.slice(1) })).key).toBe('dossiers:errors.orderStale');
    await write(call, { id: added.id, revision: 1 }, 'Important text');
    await call('dossiers.removeSection', { sectionId: added.id });
    d = await call('dossiers.get', { clientId: client.id });
    expect(d.sections.map((s: { id: number }) => s.id)).not.toContain(added.id);
    expect(d.removed).toMatchObject([{ id: added.id, title: 'Tender 2027', words: 2 }]);
    expect((await fail('dossiers.saveSection', { sectionId: added.id, baseRevision: 2, doc: docOf('x') })).key).toBe('dossiers:errors.sectionRemoved');
    await call('dossiers.restoreSection', { sectionId: added.id });
    d = await call('dossiers.get', { clientId: client.id });
    expect(d.sections.at(-1)).toMatchObject({ id: added.id, empty: false });
    await call('dossiers.renameSection', { sectionId: added.id, title: '  Tender 2028 ' });
    expect((await call('dossiers.get', { clientId: client.id })).sections.at(-1).title).toBe('Tender 2028');
    expect((await fail('dossiers.renameSection', { sectionId: added.id, title: ' ' })).issues?.[0].message).toBe('Give the section a title');
  });

  it('stays when its client is removed (an undone import): the dossier is never deleted with it', async () => {
    const db = emptyDatabase();
    const { call, dossier, client } = await clientWithDossier(db);
    await write(call, dossier.sections[0], 'Years of notes');
    db.sqlite.prepare('DELETE FROM clients WHERE id = ?').run(client.id);
    expect(db.sqlite.prepare('SELECT client_id AS clientId, title FROM dossiers').get()).toEqual({ clientId: null, title: 'Orion Kft' });
    expect(count(db, 'dossier_sections')).toBe(8);
    expect((await call('dossiers.list', {}))[0]).toMatchObject({ clientId: null, client: 'Orion Kft', words: 3 });
  });
});

describe('the Dossiers page and live facts', () => {
  it('lists every dossier with manager, ABC class, words, empty sections and last edit', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const m = await call('managers.create', { name: 'Anna Kiss' });
    const big = await call('clients.create', { name: 'Big', managerId: m.id });
    const small = await call('clients.create', { name: 'Small' });
    await call('purchases.create', { clientId: big.id, date: '2026-05-01', quantity: 1, amount: 900 });
    await call('purchases.create', { clientId: small.id, date: '2026-05-01', quantity: 1, amount: 100 });
    await call('dossiers.create', { clientId: big.id });
    const d = await call('dossiers.get', { clientId: big.id });
    await write(call, d.sections[0], 'Three words here');
    const rows = await call('dossiers.list', {});
    const abc = new Map(analyticsReport(db, { scope: { kind: 'company' } }).rows.map((r) => [r.id, r.abc]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ client: 'Big', manager: 'Anna Kiss', abc: abc.get(big.id), words: 3, sections: 8, emptySections: 7 });
    expect(rows[0].emptyTitles).not.toContain('Company overview');
  });

  it('live facts are the account\'s figures from the base', async () => {
    const db = emptyDatabase();
    const { call } = routerCalls(db);
    const c = await call('clients.create', { name: 'Facts' });
    const other = await call('clients.create', { name: 'Other' });
    const today = new Date().toISOString().slice(0, 10);
    await call('purchases.create', { clientId: c.id, date: today, quantity: 2, amount: 300 });
    await call('purchases.create', { clientId: other.id, date: today, quantity: 1, amount: 100 });
    await call('tasks.create', { clientId: c.id, title: 'Call', dueDate: '2020-01-01' });
    await call('tasks.create', { clientId: c.id, title: 'Visit', dueDate: '2099-01-01' });
    const f = await call('dossiers.facts', { clientId: c.id });
    const summary = await call('clients.summary', { id: c.id });
    expect(f).toMatchObject({ revenue12m: 300, share12m: summary.share12m, lastPurchase: today, openTasks: 2, overdueTasks: 1, asOf: today });
    expect(f.share12m).toBeCloseTo(0.75);
    expect(f.abc).toBe('A');
  });
});

describe('people and relationships', () => {
  it('keeps stance, influence and informal influence beside the contacts, with the method\'s flags', async () => {
    const db = emptyDatabase();
    const { call, fail, client } = await clientWithDossier(db);
    const owner = await call('contacts.create', { clientId: client.id, name: 'Owner', level: 'owner' });
    let v = await call('dossiers.people', { clientId: client.id });
    expect(v.flags).toEqual({ singleThreaded: true, noChampionAtTop: true });
    const buyer = await call('contacts.create', { clientId: client.id, name: 'Buyer', level: 'purchasing', reportsToId: owner.id });
    await call('dossiers.setPerson', { contactId: owner.id, stance: 'champion', influence: 9 });
    await call('dossiers.setInfluences', { contactId: buyer.id, influences: [owner.id] });
    v = await call('dossiers.people', { clientId: client.id });
    expect(v.flags).toEqual({ singleThreaded: false, noChampionAtTop: false });
    expect(v.people).toEqual([
      { contactId: owner.id, name: 'Owner', level: 'owner', role: null, reportsToId: null, stance: 'champion', influence: 9, influences: [] },
      { contactId: buyer.id, name: 'Buyer', level: 'purchasing', role: null, reportsToId: owner.id, stance: null, influence: null, influences: [owner.id] },
    ]);
    expect((await fail('dossiers.setPerson', { contactId: owner.id, stance: 'friend', influence: 3 })).issues?.[0]).toMatchObject({ path: ['stance'], message: 'Choose a stance' });
    expect((await fail('dossiers.setPerson', { contactId: owner.id, stance: null, influence: 11 })).issues?.[0].message).toBe('Influence is a whole number from 0 to 10');
    expect((await fail('dossiers.setInfluences', { contactId: owner.id, influences: [owner.id] })).issues?.[0].message).toBe('A person cannot influence themself');
    const stranger = await call('clients.create', { name: 'Elsewhere' });
    const x = await call('contacts.create', { clientId: stranger.id, name: 'X', level: 'staff' });
    expect((await fail('dossiers.setInfluences', { contactId: owner.id, influences: [x.id] })).issues?.[0].message).toBe('Only people of the same client can be linked');
    // A contact that goes takes its stance and links with it.
    db.sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(owner.id);
    expect(count(db, 'dossier_people')).toBe(0);
    expect(count(db, 'dossier_influences')).toBe(0);
  });
});
