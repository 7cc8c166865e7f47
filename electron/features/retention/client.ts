import { isoOfDay } from '../../../shared/features/retention/days';
import { cadenceFor, cadenceState } from '../../../shared/features/retention/reminders';
import type { ClientRetention, PlannedVisit } from '../../../shared/features/retention/types';
import type { Db } from '../../db/connection';
import { notFound } from '../../errors';
import { slotFacts } from './dormancy';
import { CLASS_OF_CODE, classesBySlot, clientFacts, lastTouchBySlot, quietBySlot } from './facts';
import { dormancyState } from './views';

/** The client page's line: rhythm, recency, the model, the visit clock and loyalty memberships. */
export function clientRetention(db: Db, clientId: number, asOf?: string): ClientRetention {
  const st = dormancyState(db, asOf);
  const c = st.s.clientSlot(clientId);
  if (c < 0) throw notFound('accounts:nouns.client', clientId);
  const f = slotFacts(st.base, st.model, c, st.settings);
  const cls = CLASS_OF_CODE[classesBySlot(db, st.s, st.asOf)[c]];
  const own = db.sqlite.prepare(`SELECT ideal_days AS ideal, max_days AS max FROM retention_cadence WHERE client_id = ?`).get(clientId) as { ideal: number; max: number } | undefined;
  const cadence = cadenceFor(cls, own ?? null, st.settings);
  const touch = lastTouchBySlot(db, st.s)[c];
  const from = touch >= 0 ? touch : clientFacts(db, st.s).created[c];
  const planned = db.sqlite
    .prepare(`SELECT id, date, purpose FROM retention_visits WHERE client_id = ? AND done_at IS NULL AND archived_at IS NULL ORDER BY date, id`)
    .all(clientId) as PlannedVisit[];
  const memberships = db.sqlite
    .prepare(`SELECT m.id, m.programme_id AS programmeId, p.name AS programme, m.tier, m.start_date AS startDate
                FROM retention_memberships m JOIN retention_programmes p ON p.id = m.programme_id
               WHERE m.client_id = ? AND m.archived_at IS NULL AND p.archived_at IS NULL AND (m.end_date IS NULL OR m.end_date >= ?)
               ORDER BY m.start_date, m.id`)
    .all(clientId, st.asOf) as ClientRetention['memberships'];
  return {
    clientId,
    asOf: st.asOf,
    occasions: f.occasions,
    rhythmDays: f.rhythmDays,
    lastPurchase: f.lastPurchase,
    daysSince: f.daysSince,
    pAlive: f.pAlive,
    expected: f.expected,
    horizonDays: st.settings.horizonDays,
    dormant: f.dormant,
    reasons: f.reasons,
    fit: st.fit.status,
    quiet: quietBySlot(db, st.s)[c] === 1,
    visit: {
      cls,
      cadence,
      own: own !== undefined,
      lastContact: touch >= 0 ? isoOfDay(touch) : null,
      daysSince: touch >= 0 ? st.base.asOfDay - touch : null,
      state: cadenceState(st.base.asOfDay - from, cadence),
      planned,
    },
    memberships,
  };
}

/** Records that the user has looked at the client; true the first time. */
export function markSeen(db: Db, clientId: number): { changed: boolean } {
  if (!db.sqlite.prepare(`SELECT 1 FROM clients WHERE id = ?`).get(clientId)) throw notFound('accounts:nouns.client', clientId);
  return { changed: db.sqlite.prepare(`INSERT OR IGNORE INTO retention_seen (client_id) VALUES (?)`).run(clientId).changes > 0 };
}
