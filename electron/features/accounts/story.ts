import { daysBetween, toIsoDate } from '../../../shared/kernel/dates';
import type { ClientStory } from '../../../shared/features/accounts/types';
import type { Db } from '../../db/connection';
import { notFound } from '../../errors';
import { clientsRepo } from './repository';
import { NO_STANDING, nextTasks, standings, type StandingContext } from './standing';

/** Products shown one by one in the mix; the rest share one line. */
export const TOP_PRODUCTS = 8;

const cents = (n: number) => Math.round(n * 100) / 100;

/** Every month from `first` to `last` (YYYY-MM), so a quiet month shows as a gap, not as nothing. */
function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) (m = 1), y++;
  }
  return out;
}

/**
 * One client's story in figures, read straight from its purchases (the
 * covering index), its activity, and where it stands in the key-account
 * analysis. Archived purchase lines do not count, as in every other figure.
 */
export async function clientStory(db: Db, ctx: StandingContext, input: { id: number; asOf?: string }): Promise<ClientStory> {
  if (!clientsRepo.get(db, input.id)) throw notFound('accounts:nouns.client', input.id);
  const asOf = input.asOf ?? toIsoDate(new Date());
  const s = db.sqlite;
  const totals = s
    .prepare(
      `SELECT COALESCE(SUM(amount), 0) AS revenue, COUNT(*) AS lines, COUNT(DISTINCT date) AS days, MIN(date) AS first, MAX(date) AS last
         FROM purchases WHERE client_id = ? AND archived_at IS NULL`,
    )
    .get(input.id) as { revenue: number; lines: number; days: number; first: string | null; last: string | null };
  const byMonth = new Map(
    (s.prepare(`SELECT substr(date, 1, 7) AS month, SUM(amount) AS revenue FROM purchases WHERE client_id = ? AND archived_at IS NULL GROUP BY month`).all(input.id) as { month: string; revenue: number }[]).map(
      (r) => [r.month, r.revenue],
    ),
  );
  const months = totals.first && totals.last ? monthRange(totals.first.slice(0, 7), totals.last.slice(0, 7)).map((month) => ({ month, revenue: cents(byMonth.get(month) ?? 0) })) : [];
  const byYear = new Map<string, number>();
  for (const m of months) byYear.set(m.month.slice(0, 4), (byYear.get(m.month.slice(0, 4)) ?? 0) + m.revenue);

  const productRows = s
    .prepare(`SELECT product, SUM(amount) AS revenue, COUNT(*) AS lines FROM purchases WHERE client_id = ? AND archived_at IS NULL GROUP BY product ORDER BY revenue DESC, product`)
    .all(input.id) as { product: string | null; revenue: number; lines: number }[];
  const lifetime = cents(totals.revenue);
  const shareOf = (n: number) => (lifetime > 0 ? n / lifetime : 0);
  const top = productRows.slice(0, TOP_PRODUCTS);
  const rest = productRows.slice(TOP_PRODUCTS);

  const last = s
    .prepare(
      `SELECT i.date, i.kind, i.summary, c.name AS contact FROM interactions i LEFT JOIN contacts c ON c.id = i.contact_id
        WHERE i.client_id = ? AND i.archived_at IS NULL ORDER BY i.date DESC, i.id DESC LIMIT 1`,
    )
    .get(input.id) as ClientStory['lastContact'] | undefined;
  const task = nextTasks(db, input.id).get(input.id) ?? null;
  const openTasks = (s.prepare(`SELECT COUNT(*) AS n FROM tasks WHERE client_id = ? AND done_at IS NULL AND archived_at IS NULL`).get(input.id) as { n: number }).n;

  // Asked last: everything above is read in one go, before the host answers.
  const standing = (await standings(db, ctx, asOf)).get(input.id) ?? NO_STANDING;
  return {
    id: input.id,
    asOf,
    lifetimeRevenue: lifetime,
    lines: totals.lines,
    purchaseDays: totals.days,
    firstPurchase: totals.first,
    lastPurchase: totals.last,
    // A line dated after `asOf` (typed ahead) counts as today, not as negative days.
    daysSinceLastPurchase: totals.last ? Math.max(0, daysBetween(totals.last, asOf)) : null,
    months,
    years: [...byYear].map(([year, revenue]) => ({ year, revenue: cents(revenue) })),
    products: top.map((p) => ({ product: p.product, revenue: cents(p.revenue), share: shareOf(p.revenue), lines: p.lines })),
    otherRevenue: cents(rest.reduce((n, p) => n + p.revenue, 0)),
    otherProducts: rest.length,
    standing,
    lastContact: last ?? null,
    nextTask: task && { ...task, overdue: task.dueDate < asOf },
    openTasks,
  };
}
