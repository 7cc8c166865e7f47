/** What the dossiers write channels need on a full disk: used by tests/durability/full-disk.test.ts. */
import { okCaller, type FullDiskFeature, type RouterCall } from '../../helpers/full-disk';

const big = (n = 1500) => 'é'.repeat(n);
/** A section of about 40 KB: no full file has room for it, so its writes are refused every time and stay valid. */
const bigDoc = (lead: string) => ({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: lead }] },
    ...Array.from({ length: 10 }, () => ({ type: 'paragraph', content: [{ type: 'text', text: big(2000) }] })),
  ],
});

/**
 * Two dossiers: one whose sections each serve one channel (so a save that
 * lands cannot make another channel's revision stale), one only reordered;
 * a client without a dossier; two contacts.
 */
export async function dossiersSeed(call: RouterCall) {
  const ok = okCaller(call);
  const client = (await ok('clients.create', { name: 'Dossier Co' })).id as number;
  const reordered = (await ok('clients.create', { name: 'Reorder Co' })).id as number;
  const fresh = (await ok('clients.create', { name: 'Fresh Co' })).id as number;
  const owner = (await ok('contacts.create', { clientId: client, name: 'Ilona', level: 'owner' })).id as number;
  const buyer = (await ok('contacts.create', { clientId: client, name: 'Gábor', level: 'purchasing' })).id as number;
  const dossier = (await ok('dossiers.create', { clientId: client })).id as number;
  const other = (await ok('dossiers.create', { clientId: reordered })).id as number;
  const sections = (await ok('dossiers.get', { clientId: client })).sections as { id: number; revision: number }[];
  const order = ((await ok('dossiers.get', { clientId: reordered })).sections as { id: number }[]).map((s) => s.id).reverse();
  // An older version to restore, and a section holding a large text now.
  const restoring = sections[1];
  const first = await ok('dossiers.saveSection', { sectionId: restoring.id, baseRevision: restoring.revision, doc: bigDoc('First version') });
  const revision = ((await ok('dossiers.revisions', { sectionId: restoring.id })) as { id: number }[])[0].id;
  const now = await ok('dossiers.saveSection', { sectionId: restoring.id, baseRevision: first.revision, doc: bigDoc('Second version') });
  return {
    fresh,
    owner,
    buyer,
    dossier,
    other,
    order,
    saved: sections[0].id,
    savedRevision: sections[0].revision,
    restoring: restoring.id,
    restoringRevision: now.revision as number,
    revision,
    renamed: sections[2].id,
    removed: sections[3].id,
    snapshotted: sections[4].id,
  };
}

export const dossiersFullDisk: FullDiskFeature<Awaited<ReturnType<typeof dossiersSeed>>> = {
  tables: ['dossiers', 'dossier_sections', 'dossier_revisions', 'dossier_people', 'dossier_influences', 'dossier_search_docs', 'dossier_search_queue', 'dossier_search_state'],
  seed: dossiersSeed,
  inputs: (ids) => ({
    // Returns the client's dossier when it has one: run again, still valid.
    'dossiers.create': () => ({ clientId: ids.fresh }),
    'dossiers.saveSection': () => ({ sectionId: ids.saved, baseRevision: ids.savedRevision, doc: bigDoc('Typed on a full disk') }),
    'dossiers.keepCopy': () => ({ sectionId: ids.saved, doc: bigDoc('Kept after a conflict') }),
    'dossiers.addSection': () => ({ dossierId: ids.dossier, title: `Added ${big(190)}`, afterId: null }),
    'dossiers.renameSection': () => ({ sectionId: ids.renamed, title: `Renamed ${big(190)}` }),
    'dossiers.reorderSections': () => ({ dossierId: ids.other, order: ids.order }),
    'dossiers.removeSection': () => ({ sectionId: ids.removed }),
    'dossiers.restoreSection': () => ({ sectionId: ids.removed }),
    'dossiers.snapshot': () => ({ sectionId: ids.snapshotted }),
    'dossiers.restoreRevision': () => ({ revisionId: ids.revision, baseRevision: ids.restoringRevision }),
    'dossiers.setPerson': () => ({ contactId: ids.owner, stance: 'champion', influence: 9 }),
    'dossiers.setInfluences': () => ({ contactId: ids.buyer, influences: [ids.owner] }),
    'dossiers.saveTemplate': () => ({ sections: [{ key: 'company', title: `Company ${big(190)}` }, { key: null, title: big(199) }, { key: 'people', title: null }] }),
  }),
};
