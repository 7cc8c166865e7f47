import { useState } from 'react';
import type { DependencyRow, Scope } from '../../../../shared/features/analytics/types';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { useT } from '../../lib/i18n';
import { screenNumbers } from './localeNumbers';

interface Props {
  input: { from: string; to: string; scope: Scope };
  rows: DependencyRow[];
  removed: number[];
  setRemoved: (ids: number[]) => void;
}

/** Pick clients (the largest first) and see the base without them. */
export function WhatIfPanel({ input, rows, removed, setRemoved }: Props) {
  const { t } = useT();
  const { fmt, settings } = useSettings();
  const nums = screenNumbers(settings);
  const [pick, setPick] = useState('');
  const result = useQuery('analytics.whatIf', { ...input, clientIds: removed }, removed.length > 0);
  const w = removed.length > 0 ? result.data : undefined;
  const candidates = rows.slice(0, 100).filter((r) => !removed.includes(r.id));
  return (
    <section className="what-if" data-testid="what-if">
      <h2>{t('analytics:whatIf')}</h2>
      <div className="toolbar">
        <select aria-label={t('analytics:pick')} value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">{t('analytics:pick')}</option>
          {candidates.map((r) => <option key={r.id} value={r.id}>{r.name} ({fmt.percent(r.share)})</option>)}
        </select>
        <button type="button" disabled={!pick} onClick={() => { setRemoved([...removed, Number(pick)]); setPick(''); }}>{t('analytics:add')}</button>
        {removed.map((id) => {
          const name = rows.find((r) => r.id === id)?.name ?? `#${id}`;
          return <button key={id} type="button" className="chip" aria-label={t('analytics:remove', { name })} onClick={() => setRemoved(removed.filter((x) => x !== id))}>{name} ×</button>;
        })}
      </div>
      {result.error && removed.length > 0 && <div className="form-error" role="alert">{result.error.message}</div>}
      {w && (
        <div data-testid="what-if-result">
          <p>{t('analytics:lost', { money: fmt.money(w.revenueLost), pct: fmt.percent(w.revenueLostShare) })}</p>
          <p data-testid="what-if-after">{t('analytics:after', { top1: fmt.percent(w.after.top1Share), hhi: nums.fixed(w.after.hhi, 3), effective: nums.fixed(w.after.effectiveClients, 1) })}</p>
          {w.bandChanges.length > 0 && (
            <ul>{w.bandChanges.slice(0, 10).map((b) => <li key={b.id}>{b.name}: {fmt.percent(b.shareBefore)} → {fmt.percent(b.shareAfter)} ({t(`analytics:band.${b.bandBefore}`)} → {t(`analytics:band.${b.bandAfter}`)})</li>)}</ul>
          )}
          <h3>{t('analytics:discounts')}</h3>
          {w.discounts.filter((d) => d.extraCost > 0).length === 0 ? <p className="muted">{t('analytics:noDiscounts')}</p> : (
            <ul>
              {w.discounts.filter((d) => d.extraCost > 0).map((d) => (
                <li key={`${d.supplier}/${d.productGroup}`}>{t('analytics:discountLine', { supplier: d.supplier, group: d.productGroup, before: fmt.number(d.volumeBefore), after: fmt.number(d.volumeAfter), dBefore: fmt.percent(d.discountBeforePct / 100), dAfter: fmt.percent(d.discountAfterPct / 100), cost: fmt.money(d.extraCost) })}</li>
              ))}
            </ul>
          )}
          {w.extraCost > 0 && <p className="warning">{t('analytics:priceRise', { pct: fmt.percent(w.priceRiseNeeded) })}</p>}
        </div>
      )}
    </section>
  );
}
