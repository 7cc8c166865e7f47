import type { ReactNode } from 'react';
import type { CallContext } from '../../../../shared/features/retention/types';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';

/** The three stages of the script, in the order they are read. */
export const CALL_STAGES = [1, 2, 3] as const;
export type Stage = (typeof CALL_STAGES)[number];

interface Props {
  stage: Stage;
  context: CallContext;
  field: (name: 'contactId' | 'wellbeing' | 'complaint') => ReactNode;
  contactId: number | null;
}

/** What the caller reads and asks at each stage of the script. */
export function CallStages({ stage, context: c, field, contactId }: Props) {
  const { t } = useT();
  const { fmt } = useSettings();
  const person = c.contacts.find((p) => p.id === contactId) ?? null;
  if (stage === 1) {
    const lp = c.lastPurchase;
    return (
      <section className="settings-block" data-testid="stage-1">
        <p className="headline" data-testid="opener">
          {lp ? (lp.product ? t('retention:callScreen.opener', { product: lp.product, date: fmt.date(lp.date) }) : t('retention:callScreen.openerNoProduct', { date: fmt.date(lp.date) })) : t('retention:callScreen.openerNever')}
        </p>
        {c.rhythmDays !== null && c.daysSince !== null && <p className="muted">{t('retention:callScreen.rhythm', { days: fmt.number(c.rhythmDays, 1), since: c.daysSince })}</p>}
        {c.contacts.length === 0 ? <p className="muted">{t('retention:callScreen.noContact')}</p> : field('contactId')}
        {person && (
          <ul className="plain-list" data-testid="contact-details">
            {person.phone && <li>{t('retention:callScreen.phone', { phone: person.phone })}</li>}
            {person.family && <li>{t('retention:callScreen.family', { text: person.family })}</li>}
            {person.hobbies && <li>{t('retention:callScreen.hobbies', { text: person.hobbies })}</li>}
            {person.foodPreferences && <li>{t('retention:callScreen.food', { text: person.foodPreferences })}</li>}
            {person.birthday && <li>{t('retention:callScreen.birthday', { date: fmt.date(person.birthday) })}</li>}
          </ul>
        )}
        {field('wellbeing')}
        {field('complaint')}
        <h3>{t('retention:callScreen.notes')}</h3>
        {c.notes.length === 0 ? <p className="muted">{t('retention:callScreen.noNotes')}</p> : (
          <ul className="plain-list">{c.notes.map((n, i) => <li key={i}>{fmt.date(n.date)} · {n.summary}{n.outcome ? ` — ${n.outcome}` : ''}</li>)}</ul>
        )}
        {c.calls.length > 0 && (
          <>
            <h3>{t('retention:callScreen.previousCalls')}</h3>
            <ul className="plain-list">{c.calls.map((k, i) => <li key={i}>{fmt.date(k.date)} · {t(`retention:outcomes.${k.outcome}`)}</li>)}</ul>
          </>
        )}
      </section>
    );
  }
  if (stage === 2) {
    const reason = c.campaign.reason === 'own' && c.campaign.reasonText ? c.campaign.reasonText : t(`retention:reasons.${c.campaign.reason}`);
    return (
      <section className="settings-block" data-testid="stage-2">
        <p className="muted">{t('retention:callScreen.reasonIntro', { reason })}</p>
        <p className="headline notes" data-testid="news">{c.campaign.news}</p>
      </section>
    );
  }
  return (
    <section className="settings-block" data-testid="stage-3">
      <p className="headline notes" data-testid="offer">{c.campaign.offer}</p>
      <p><strong>{t('retention:callScreen.offerUntil', { date: fmt.date(c.campaign.offerUntil) })}</strong></p>
      <p className="muted">{t('retention:callScreen.offerWhy', { why: c.campaign.offerWhy })}</p>
    </section>
  );
}
