import { addMonths } from '../../../shared/kernel/dates';
import { STANCES } from '../../../shared/features/dossiers/people';
import type { SectionKey } from '../../../shared/features/dossiers/template';
import type { Db } from '../../db/connection';
import type { DemoSeed } from '../settings';
import { contentOf } from './content';
import { createDossier } from './dossiers';
import type { DemoBank } from './demo/bank';
import { composeSection } from './demo/compose';
import { en } from './demo/en';
import { fr } from './demo/fr';
import { hu } from './demo/hu';
import { lt } from './demo/lt';
import { ru } from './demo/ru';
import { th } from './demo/th';
import { nowIso, sectionRepo } from './repository';

const BANKS: Record<string, DemoBank> = { HU: hu, FR: fr, LT: lt, TH: th, RU: ru };
/** Words per section: eight sections make a dossier of several thousand words. */
const SECTION_WORDS = 480;
const MAX_DOSSIERS = 10;

interface Candidate {
  id: number;
  name: string;
  country: string | null;
  city: string | null;
  flags: number;
  revenue: number;
}

/**
 * The demo's key accounts: those above 10% of the last 12 months' revenue or
 * flagged (potential, reputation, innovator, demanding), the biggest first,
 * and the biggest client of every country so each language has a dossier.
 */
function keyAccounts(db: Db, asOf: string): Candidate[] {
  const all = db.sqlite
    .prepare(
      `SELECT c.id, c.name, c.country, c.city, c.reputation + c.innovator + c.demanding + c.key_potential AS flags,
              COALESCE((SELECT SUM(p.amount) FROM purchases p WHERE p.client_id = c.id AND p.date > ? AND p.date <= ?), 0) AS revenue
         FROM clients c WHERE c.archived_at IS NULL ORDER BY revenue DESC, c.id`,
    )
    .all(addMonths(asOf, -12), asOf) as Candidate[];
  const total = all.reduce((s, c) => s + c.revenue, 0);
  const picked = new Map<number, Candidate>();
  for (const c of all) if (picked.size < MAX_DOSSIERS - 5 && (c.revenue >= 0.1 * total || c.flags > 0 || picked.size < 3)) picked.set(c.id, c);
  for (const country of Object.keys(BANKS)) {
    const top = all.find((c) => c.country === country);
    if (top) picked.set(top.id, top);
  }
  return [...picked.values()];
}

/** Dossiers for the demo's key accounts, written in the language of each client's country (Thai included). */
export const dossiersDemo: DemoSeed = {
  name: 'dossiers',
  seed: (db, { rng, asOf }) => {
    const at = nowIso();
    for (const c of keyAccounts(db, asOf)) {
      const bank = BANKS[c.country ?? ''] ?? en;
      const people = db.sqlite.prepare(`SELECT id, name, level FROM contacts WHERE client_id = ? ORDER BY id`).all(c.id) as { id: number; name: string; level: string }[];
      const slots = { client: c.name, person: people[0]?.name ?? c.name, person2: people[1]?.name ?? people[0]?.name ?? c.name, city: c.city ?? '' };
      const { id } = createDossier(db, c.id);
      for (const s of sectionRepo.ofDossier(db, id)) {
        const key = (s.templateKey ?? 'meetings') as SectionKey;
        sectionRepo.saveContent(db, s.id, { ...contentOf(composeSection(bank, key, slots, rng, SECTION_WORDS)), at });
      }
      people.forEach((p, i) => {
        const stance = i === 0 ? (rng.chance(0.6) ? 'champion' : 'supporter') : rng.pick(STANCES);
        db.sqlite.prepare(`INSERT INTO dossier_people (contact_id, stance, influence) VALUES (?, ?, ?)`).run(p.id, stance, i === 0 ? rng.int(7, 10) : rng.int(2, 8));
      });
      // An informal line beside the hierarchy: purchasing listens to finance.
      if (people.length >= 4) db.sqlite.prepare(`INSERT INTO dossier_influences (from_id, to_id) VALUES (?, ?)`).run(people[2].id, people[3].id);
    }
  },
};
