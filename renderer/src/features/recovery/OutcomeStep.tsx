import { useEffect, useMemo, useRef, useState } from 'react';
import { OUTCOMES, type Outcome, type ReasonCategory } from '../../../../shared/features/recovery/enums';
import { closeCase } from '../../../../shared/features/recovery/schemas';
import type { RecoveryCase } from '../../../../shared/features/recovery/types';
import { addDays, toIsoDate } from '../../../../shared/kernel/dates';
import type { FieldSpec, FormState } from '../../components/form-values';
import { call } from '../../lib/api';
import { useT, type T } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useLookups } from './useLookups';
import { choices } from './labels';
import { draftTask, FollowUpTasks, tasksInput, type DraftTask } from './FollowUpTasks';
import { referralFields, referralInput, withoutReferral } from './referralFields';
import { StepForm } from './StepForm';

/** The tasks the method suggests for an outcome, in the user's language; the user edits them before closing. */
function suggested(t: T, outcome: Outcome | '', name: string, referral: string | null, region: { locale: string; calendar: 'gregory' | 'buddhist' }): DraftTask[] {
  const today = toIsoDate(new Date());
  const task = (k: number, title: string, days: number, forReferral = false) => draftTask(k, title, addDays(today, days), region.locale, region.calendar, forReferral);
  if (outcome === 'won_back') return [task(1, t('recovery:close.suggested.sendOffer', { name }), 2), task(2, t('recovery:close.suggested.checkOrder', { name }), 30)];
  if (outcome === 'parted_well') {
    const list = [task(1, t('recovery:close.suggested.callBack', { name }), 90)];
    if (referral) list.push(task(2, t('recovery:close.suggested.callReferral', { referral, name }), 7, true));
    return list;
  }
  if (outcome === 'no_contact') return [task(1, t('recovery:close.suggested.tryAgain', { name }), 30)];
  return [];
}

/** Won back (with the agreed terms), parted well (and a referral when they no longer need it) or no contact; then the follow-up tasks. */
export function OutcomeStep({ c, category }: { c: RecoveryCase; category: ReasonCategory | null }) {
  const { t } = useT();
  const { settings } = useSettings();
  const lookups = useLookups(c.clientId);
  const [tasks, setTasks] = useState<DraftTask[]>([]);
  const touched = useRef(false);
  const [facts, setFacts] = useState<{ outcome: Outcome | ''; referral: string | null }>({ outcome: '', referral: null });
  useEffect(() => {
    if (!touched.current) setTasks(suggested(t, facts.outcome, c.clientName, facts.referral, settings));
  }, [facts, t, c.clientName, settings]);
  const fields = useMemo<FieldSpec[]>(
    () => [
      { name: 'outcome', label: 'recovery:close.outcome', kind: 'select', required: true, options: choices(OUTCOMES, (v) => t(`recovery:outcome.${v}`)) },
      { name: 'outcomeOn', label: 'recovery:close.outcomeOn', kind: 'date', required: true },
      { name: 'agreedTerms', label: 'recovery:close.agreedTerms', kind: 'textarea', required: true },
      { name: 'note', label: 'recovery:close.note', kind: 'textarea' },
      { name: 'hasReferral', label: 'recovery:close.referral', kind: 'checkbox' },
      ...referralFields(lookups.types, lookups.clients),
    ],
    [t, lookups.types, lookups.clients],
  );
  const noteFacts = (s: FormState) => {
    const referral = s.hasReferral === true ? String(s['referral.name'] ?? '').trim() || null : null;
    setFacts((f) => (s.outcome === f.outcome && referral === f.referral ? f : { outcome: s.outcome as Outcome | '', referral }));
  };
  if (!lookups.ready) return null;
  return (
    <section className="settings-block" data-testid="step-outcome">
      <h2>{t('recovery:case.steps.outcome')}</h2>
      <StepForm
        fields={fields}
        visible={(name, s) => (name === 'agreedTerms' ? s.outcome === 'won_back' : name.startsWith('referral.') ? s.hasReferral === true : true)}
        schema={closeCase}
        record={{ outcomeOn: toIsoDate(new Date()), hasReferral: false }}
        build={(values, s) => {
          const { hasReferral: _h, ...rest } = withoutReferral(values);
          return {
            ...rest,
            agreedTerms: s.outcome === 'won_back' ? values.agreedTerms : null,
            referral: s.hasReferral === true ? referralInput(values) : null,
            tasks: tasksInput(tasks, settings.locale, settings.calendar),
          };
        }}
        fixed={{ caseId: c.id }}
        onSubmit={async (input) => void (await call('recovery.close', input as never))}
        submitLabel={t('recovery:close.submit')}
        onStateChange={noteFacts}
        testId="outcome-form"
      >
        {(s, _set, errors) => {
          return (
            <>
              {s.outcome === 'won_back' && <p className="muted">{t('recovery:close.wonBackHint')}</p>}
              {s.outcome === 'parted_well' && <p className="muted">{t('recovery:close.partedHint')}</p>}
              {(category === 'no_need' || s.hasReferral === true) && <p className="warning">{t('recovery:close.referralHint', { name: c.clientName })}</p>}
              {errors.tasks && <div className="form-error" role="alert">{errors.tasks}</div>}
              <FollowUpTasks tasks={tasks} onChange={(next) => { touched.current = true; setTasks(next); }} errors={errors} />
            </>
          );
        }}
      </StepForm>
    </section>
  );
}
