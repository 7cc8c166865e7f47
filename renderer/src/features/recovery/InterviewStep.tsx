import { TERMS, type ReasonCategory } from '../../../../shared/features/recovery/enums';
import { saveInterview } from '../../../../shared/features/recovery/schemas';
import type { Reason, RecoveryCase } from '../../../../shared/features/recovery/types';
import type { FormState } from '../../components/form-values';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { reasonLabel } from './labels';
import { OffersPanel } from './OffersPanel';
import { StepForm } from './StepForm';

/** The follow-up questions each kind of reason asks. */
const FOLLOW_UP: Record<ReasonCategory, string[]> = {
  terms: ['competitor', 'termsDetail'],
  service: ['serviceWhat', 'serviceWho'],
  no_need: ['reasonNote'],
  other: ['reasonNote'],
};

/**
 * The interview on one screen, for a laptop at the table: why did you stop
 * buying (the reasons list from Settings, each with its follow-up questions),
 * then the "what if" offers and their answers. It saves as the user types.
 */
export function InterviewStep({ c, reasons, readOnly }: { c: RecoveryCase; reasons: Reason[]; readOnly: boolean }) {
  const { t } = useT();
  const categoryOf = (s: FormState): ReasonCategory | null => reasons.find((r) => String(r.id) === s.reasonId)?.category ?? null;
  const initial: FormState = Object.fromEntries(TERMS.map((x) => [`term_${x}`, c.interview.terms.includes(x)]));
  const shown = reasons.filter((r) => !r.archivedAt || r.id === c.interview.reasonId);
  return (
    <section className="settings-block" data-testid="step-interview">
      <h2>{t('recovery:case.steps.interview')}</h2>
      <p style={{ fontSize: 16, fontWeight: 600 }}>{t('recovery:interview.question')}</p>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <StepForm
          autosave
          fields={[
            { name: 'reasonId', label: 'recovery:interview.reason', kind: 'select', numeric: true, options: shown.map((r) => ({ value: r.id, label: reasonLabel(t, r) })) },
            { name: 'competitor', label: 'recovery:interview.competitor', kind: 'text' },
            { name: 'termsDetail', label: 'recovery:interview.termsDetail', kind: 'textarea' },
            { name: 'serviceWhat', label: 'recovery:interview.serviceWhat', kind: 'textarea' },
            { name: 'serviceWho', label: 'recovery:interview.serviceWho', kind: 'text' },
            { name: 'reasonNote', label: 'recovery:interview.reasonNote', kind: 'textarea' },
            { name: 'notes', label: 'recovery:interview.notes', kind: 'textarea' },
            { name: 'interviewedOn', label: 'recovery:interview.interviewedOn', kind: 'date' },
          ]}
          visible={(name, s) => {
            const cat = categoryOf(s);
            const all = Object.values(FOLLOW_UP).flat();
            return !all.includes(name) || (cat !== null && FOLLOW_UP[cat].includes(name));
          }}
          initial={initial}
          build={(values, s) => ({ ...values, terms: TERMS.filter((x) => s[`term_${x}`] === true) })}
          schema={saveInterview}
          record={c.interview}
          fixed={{ caseId: c.id }}
          onSubmit={async (input) => void (await call('recovery.saveInterview', input as never))}
          submitLabel={t('recovery:interview.save')}
          testId="interview-form"
        >
          {(s, set) => (
            <>
              {categoryOf(s) === 'terms' && (
                <fieldset className="profile-fields">
                  <legend>{t('recovery:interview.terms')}</legend>
                  <div className="toolbar">
                    {TERMS.map((x) => (
                      <label key={x} className="toggle"><input type="checkbox" checked={s[`term_${x}`] === true} onChange={(e) => set(`term_${x}`, e.target.checked)} />{t(`recovery:terms.${x}`)}</label>
                    ))}
                  </div>
                </fieldset>
              )}
              {categoryOf(s) === 'no_need' && <p className="warning">{t('recovery:interview.noNeedHint')}</p>}
            </>
          )}
        </StepForm>
      </fieldset>
      <OffersPanel c={c} readOnly={readOnly} />
    </section>
  );
}
