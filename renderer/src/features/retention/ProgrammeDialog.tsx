import { useState } from 'react';
import { PROGRAMME_KINDS, type ProgrammeKind } from '../../../../shared/features/retention/enums';
import { cashbackCredit, discountedPrice, pointsEarned } from '../../../../shared/features/retention/loyalty';
import { programmeCreate, programmeUpdate } from '../../../../shared/features/retention/schemas';
import type { Programme } from '../../../../shared/features/retention/types';
import { parseLocaleNumber } from '../../../../shared/kernel/numbers';
import { Dialog } from '../../components/Dialog';
import { RecordForm } from '../../components/RecordForm';
import { editableNumber, type FieldSpec } from '../../components/form-values';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';

/** The purchase the examples are worked on: "5% of 5,000 credits 250". */
const EXAMPLE = 5000;

export function ProgrammeDialog({ programme, onClose }: { programme?: Programme; onClose: () => void }) {
  const { t } = useT();
  const { fmt, settings } = useSettings();
  const [kind, setKind] = useState<ProgrammeKind>(programme?.kind ?? 'discount');
  const [tiers, setTiers] = useState(() => (programme?.tiers.length ? programme.tiers : [{ name: '', discountPct: 5 }]).map((x) => ({ name: x.name, pct: editableNumber(x.discountPct, settings.locale) })));
  const fields: FieldSpec[] = [
    { name: 'name', label: 'retention:loyalty.form.name', kind: 'text', required: true },
    ...(kind === 'points' ? [{ name: 'pointsPerUnit', label: 'retention:loyalty.form.pointsPerUnit', kind: 'number', required: true } as const] : []),
    ...(kind === 'cashback' ? [{ name: 'cashbackPct', label: 'retention:loyalty.form.cashbackPct', kind: 'number', required: true } as const] : []),
    ...(kind === 'coalition' ? [{ name: 'partners', label: 'retention:loyalty.form.partners', kind: 'textarea', required: true } as const] : []),
    { name: 'notes', label: 'retention:loyalty.form.notes', kind: 'textarea' },
  ];
  const parsedTiers = () => tiers.map((x) => ({ name: x.name, discountPct: parseLocaleNumber(x.pct, settings.locale) }));
  return (
    <Dialog title={t('retention:loyalty.form.title')} onClose={onClose} wide>
      <div className="field">
        <label htmlFor="programme-kind">{t('retention:loyalty.form.kind')}</label>
        <select id="programme-kind" value={kind} onChange={(e) => setKind(e.target.value as ProgrammeKind)}>
          {PROGRAMME_KINDS.map((k) => <option key={k} value={k}>{t(`retention:kinds.${k}`)}</option>)}
        </select>
      </div>
      <RecordForm
        fields={fields}
        schema={programme ? programmeUpdate : programmeCreate}
        record={(programme ?? {}) as Record<string, unknown>}
        fixed={programme ? { id: programme.id } : undefined}
        extra={() => ({ kind, tiers: kind === 'discount' ? parsedTiers() : [] })}
        onCancel={onClose}
        onSubmit={async (input) => {
          if (programme) await call('retention.updateProgramme', input as never);
          else await call('retention.createProgramme', input as never);
          onClose();
        }}
      >
        {(errors, state) => (
          <>
            {kind === 'discount' && (
              <fieldset data-testid="tiers">
                <legend>{t('retention:loyalty.form.tiers')}</legend>
                {errors.tiers && <small className="error" role="alert">{errors.tiers}</small>}
                {tiers.map((tier, i) => (
                  <div key={i} className="form-grid">
                    <div className={`field${errors[`tiers.${i}.name`] ? ' field-error' : ''}`}>
                      <label htmlFor={`tier-name-${i}`}>{t('retention:loyalty.form.tierName')}</label>
                      <input id={`tier-name-${i}`} value={tier.name} onChange={(e) => setTiers(tiers.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))} />
                      {errors[`tiers.${i}.name`] && <small className="error">{errors[`tiers.${i}.name`]}</small>}
                    </div>
                    <div className={`field${errors[`tiers.${i}.discountPct`] ? ' field-error' : ''}`}>
                      <label htmlFor={`tier-pct-${i}`}>{t('retention:loyalty.form.discountPct')}</label>
                      <input id={`tier-pct-${i}`} inputMode="decimal" value={tier.pct} onChange={(e) => setTiers(tiers.map((x, k) => (k === i ? { ...x, pct: e.target.value } : x)))} />
                      {errors[`tiers.${i}.discountPct`] && <small className="error">{errors[`tiers.${i}.discountPct`]}</small>}
                    </div>
                    <button type="button" onClick={() => setTiers(tiers.filter((_, k) => k !== i))}>{t('retention:loyalty.form.removeTier')}</button>
                  </div>
                ))}
                <button type="button" onClick={() => setTiers([...tiers, { name: '', pct: '' }])}>{t('retention:loyalty.form.addTier')}</button>
              </fieldset>
            )}
            <p className="muted" data-testid="programme-example">{example(kind, state, parsedTiers())}</p>
          </>
        )}
      </RecordForm>
    </Dialog>
  );

  function example(k: ProgrammeKind, state: Record<string, string | boolean>, ts: { name: string; discountPct: number | null }[]): string {
    const amount = fmt.money(EXAMPLE);
    if (k === 'discount') {
      const top = ts.filter((x) => x.discountPct !== null && !Number.isNaN(x.discountPct)).at(-1);
      return top ? t('retention:loyalty.example.discount', { amount, tier: top.name, price: fmt.money(discountedPrice(EXAMPLE, top.discountPct!)) }) : '';
    }
    const n = parseLocaleNumber(String(state[k === 'points' ? 'pointsPerUnit' : 'cashbackPct'] ?? ''), settings.locale);
    if (k === 'points') return n ? t('retention:loyalty.example.points', { amount, points: fmt.number(pointsEarned(EXAMPLE, n), 0) }) : '';
    if (k === 'cashback') return n ? t('retention:loyalty.example.cashback', { pct: fmt.percent(n / 100), amount, credit: fmt.money(cashbackCredit(EXAMPLE, n)) }) : '';
    return state.partners ? t('retention:loyalty.example.coalition', { partners: String(state.partners) }) : '';
  }
}
