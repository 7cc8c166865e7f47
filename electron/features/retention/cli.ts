import { positiveInt, str, type CliCommand } from '../../cli/command';
import type { Db } from '../../db/connection';
import { openDatabase } from '../../db/migrate';
import { findMigrationsFolder } from '../../db/migrations-path';
import { computeModel, slotFacts } from './dormancy';
import { clientFacts } from './facts';
import { fitAndStore, fitInfo, fitInput } from './fits';
import { dormancyState } from './views';

const round = (v: number | null, d = 6) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

/** The fit for this data and date: the recorded one, or a new one made here and recorded. */
function currentFit(db: Db, asOf: string | undefined) {
  const st = dormancyState(db, asOf);
  if (st.fit.current) return { st, fit: st.fit, converged: st.fit.status === 'ok' };
  fitAndStore(db, { mark: st.mark, asOf: st.asOf, ...fitInput(st.base) });
  const fit = fitInfo(db, st.mark, st.asOf);
  return { st, fit, converged: fit.status === 'ok' };
}

export const retentionCommands: CliCommand[] = [
  {
    name: 'retention',
    usage: [
      'retention fit --db FILE [--as-of YYYY-MM-DD] [--json]          BG/NBD fit (time in weeks) on every purchase up to the date',
      'retention clients --db FILE [--as-of YYYY-MM-DD] [--horizon-days N] [--json]   per client: x, t_x, T, P(alive), expected, rhythm, dormant',
    ],
    kinds: ['fit', 'clients'],
    options: { 'horizon-days': { type: 'string' } },
    check({ values }) {
      positiveInt(str(values['horizon-days']), 'horizon-days');
    },
    run({ db: file, kind, asOf, json, values, out }) {
      const db = openDatabase(file, findMigrationsFolder());
      try {
        const { st, fit, converged } = currentFit(db, asOf);
        const p = fit.params;
        if (kind === 'fit') {
          const result = {
            model: 'bgnbd', unit: 'week', as_of: st.asOf, status: fit.status,
            r: round(p?.r ?? null), alpha: round(p?.alpha ?? null), a: round(p?.a ?? null), b: round(p?.b ?? null), loglik: round(fit.logLik, 4),
            clients: fit.clients, repeat_occasions: fit.repeatOccasions, converged,
          };
          out(json ? `${JSON.stringify(result)}\n` : p
            ? `BG/NBD fitted on ${result.clients} clients, ${result.repeat_occasions} repeat occasions, up to ${st.asOf} (weeks)\n  r ${result.r}  alpha ${result.alpha}  a ${result.a}  b ${result.b}\n  log-likelihood ${result.loglik}${converged ? '' : '  (did not converge)'}\n`
            : `No BG/NBD fit (${fit.status === 'too_small' ? 'the base is too small' : 'the fit did not converge'}): ${result.clients} clients, ${result.repeat_occasions} repeat occasions. Dormancy follows the rhythm rule only.\n`);
          return 0;
        }
        const horizon = positiveInt(str(values['horizon-days']), 'horizon-days', st.settings.horizonDays)!;
        const model = horizon === st.settings.horizonDays ? st.model : computeModel(st.base, fit.params, horizon);
        const rule = fit.params ? st.settings : { ...st.settings, pAliveBelow: 0 };
        const facts = clientFacts(db, st.s);
        const rows = [];
        for (let c = 0; c < st.s.clientCount; c++) {
          const bought = st.base.occasions[c] > 0;
          const f = slotFacts(st.base, model, c, rule);
          rows.push({
            id: st.s.cId[c],
            code: facts.code[c],
            x: bought ? st.base.x[c] : null,
            t_x: bought ? round(st.base.tx[c]) : null,
            T: bought ? round(st.base.T[c]) : null,
            p_alive: bought && fit.params ? round(model.pAlive[c]) : null,
            expected: bought && fit.params ? round(model.expected(c)) : null,
            rhythm_days: f.rhythmDays,
            overdue_days: f.overdueDays,
            dormant: f.dormant,
          });
        }
        rows.sort((a, b) => a.id - b.id);
        if (json) out(`${JSON.stringify(rows.map(({ id: _id, ...r }) => r))}\n`);
        else {
          out(`${rows.length} clients at ${st.asOf}; expected occasions over ${horizon} days\n`);
          for (const r of rows) out(`${r.code ?? '-'}\tx=${r.x ?? '-'}\tP(alive)=${r.p_alive ?? '-'}\texpected=${r.expected ?? '-'}\trhythm=${r.rhythm_days ?? '-'}\toverdue=${r.overdue_days ?? '-'}${r.dormant ? '\tdormant' : ''}\n`);
        }
        return 0;
      } finally {
        db.sqlite.close();
      }
    },
  },
];
