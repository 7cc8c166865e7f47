import { useState } from 'react';
import { CONTACT_LEVELS, type Contact, type ContactLevel } from '../../../../shared/features/accounts';
import { MAX_INFLUENCE, STANCES, type Person, type Stance } from '../../../../shared/features/dossiers/people';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { useQuery } from '../../lib/useQuery';
import { RelationshipMap } from './RelationshipMap';

/** The fields contacts.update takes: the contact as the accounts feature stores it, changed in one place. */
function contactUpdate(c: Contact, change: Partial<Pick<Contact, 'name' | 'level' | 'role' | 'reportsToId'>>) {
  const { id, clientId, name, level, role, reportsToId, birthday, family, hobbies, foodPreferences, preferredChannel, language, email, phone, notes } = c;
  return { id, clientId, name, level, role, reportsToId, birthday, family, hobbies, foodPreferences, preferredChannel, language, email, phone, notes, ...change };
}

/**
 * Whom this person sways. The names are the user's records, so they sit in
 * plain text beside the picker rather than in its summary and labels.
 */
function InfluencesPicker({ person, people, onError }: { person: Person; people: Person[]; onError: (m: string) => void }) {
  const { t } = useT();
  const others = people.filter((p) => p.contactId !== person.contactId);
  const names = others.filter((p) => person.influences.includes(p.contactId)).map((p) => p.name);
  const toggle = (id: number, on: boolean) =>
    call('dossiers.setInfluences', { contactId: person.contactId, influences: on ? [...person.influences, id] : person.influences.filter((x) => x !== id) }).catch((e: Error) => onError(e.message));
  return (
    <div className="influences">
      <span data-testid={`influences-${person.contactId}`}>{names.length ? names.join(', ') : t('dossiers:people.nobody')}</span>
      {others.length > 0 && (
        <details>
          <summary aria-label={t('dossiers:people.influences')} title={t('dossiers:people.influences')}>✎</summary>
          {others.map((p) => {
            const id = `influence-${person.contactId}-${p.contactId}`;
            const on = person.influences.includes(p.contactId);
            return (
              <div key={p.contactId} className="toggle">
                <input type="checkbox" id={id} aria-labelledby={`${id}-name`} checked={on} onChange={(e) => void toggle(p.contactId, e.target.checked)} />
                <span id={`${id}-name`} onClick={() => void toggle(p.contactId, !on)}>{p.name}</span>
              </div>
            );
          })}
        </details>
      )}
    </div>
  );
}

/**
 * The people section's panel: the client's contacts by level with stance,
 * influence, reports-to and informal influence, the flags of the method,
 * and the map. Name, level, role and reports-to are the contact's own
 * fields: editing them here edits the contact.
 */
export function PeoplePanel({ clientId }: { clientId: number }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const view = useQuery('dossiers.people', { clientId });
  const contacts = useQuery('contacts.list', { clientId, includeArchived: false });
  const [error, setError] = useState<string | null>(null);
  const people = view.data?.people ?? [];
  const contactOf = (id: number) => contacts.data?.find((c) => c.id === id);
  const fail = (e: Error) => setError(e.message);
  const updateContact = (p: Person, change: Partial<Pick<Contact, 'name' | 'level' | 'role' | 'reportsToId'>>) => {
    const c = contactOf(p.contactId);
    if (!c) return;
    setError(null);
    void call('contacts.update', contactUpdate(c, change)).catch(fail);
  };
  const setPerson = (p: Person, change: { stance?: Stance | null; influence?: number | null }) => {
    setError(null);
    void call('dossiers.setPerson', { contactId: p.contactId, stance: p.stance, influence: p.influence, ...change }).catch(fail);
  };
  if (!view.data) return null;
  return (
    <section className="people-panel" data-testid="people-panel">
      {view.data.flags.singleThreaded && <p className="warning" data-testid="flag-single">{t('dossiers:people.singleThreaded')}</p>}
      {people.length > 0 && view.data.flags.noChampionAtTop && <p className="warning" data-testid="flag-champion">{t('dossiers:people.noChampion')}</p>}
      {error && <p className="form-error" role="alert">{error}</p>}
      {people.length === 0 ? (
        <p className="muted">{t('dossiers:people.none')}</p>
      ) : (
        <>
          <table className="table people-table">
            <thead>
              <tr>
                <th>{t('dossiers:people.name')}</th>
                <th>{t('dossiers:people.level')}</th>
                <th>{t('dossiers:people.role')}</th>
                <th>{t('dossiers:people.reportsTo')}</th>
                <th>{t('dossiers:people.stance')}</th>
                <th>{t('dossiers:people.influence')}</th>
                <th>{t('dossiers:people.influences')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.contactId} data-testid={`person-${p.contactId}`}>
                  <td>
                    <input aria-label={t('dossiers:people.name')} defaultValue={p.name} key={`n${p.name}`} onBlur={(e) => e.target.value.trim() && e.target.value !== p.name && updateContact(p, { name: e.target.value })} />
                  </td>
                  <td>
                    <select aria-label={t('dossiers:people.level')} value={p.level} onChange={(e) => updateContact(p, { level: e.target.value as ContactLevel })}>
                      {CONTACT_LEVELS.map((l) => <option key={l} value={l}>{t(`accounts:level.${l}`)}</option>)}
                    </select>
                  </td>
                  <td>
                    <input aria-label={t('dossiers:people.role')} defaultValue={p.role ?? ''} key={`r${p.role}`} onBlur={(e) => e.target.value !== (p.role ?? '') && updateContact(p, { role: e.target.value || null })} />
                  </td>
                  <td>
                    <select aria-label={t('dossiers:people.reportsTo')} value={p.reportsToId ?? ''} onChange={(e) => updateContact(p, { reportsToId: e.target.value ? Number(e.target.value) : null })}>
                      <option value="">{t('dossiers:people.nobody')}</option>
                      {people.filter((o) => o.contactId !== p.contactId).map((o) => <option key={o.contactId} value={o.contactId}>{o.name}</option>)}
                    </select>
                  </td>
                  <td>
                    <select aria-label={t('dossiers:people.stance')} value={p.stance ?? ''} onChange={(e) => setPerson(p, { stance: (e.target.value || null) as Stance | null })} className={`stance stance-${p.stance ?? 'unknown'}`}>
                      <option value="">{t('dossiers:stance.unknown')}</option>
                      {STANCES.map((s) => <option key={s} value={s}>{t(`dossiers:stance.${s}`)}</option>)}
                    </select>
                  </td>
                  <td>
                    <select aria-label={t('dossiers:people.influence')} value={p.influence ?? ''} onChange={(e) => setPerson(p, { influence: e.target.value === '' ? null : Number(e.target.value) })}>
                      <option value="">{t('dossiers:people.nobody')}</option>
                      {Array.from({ length: MAX_INFLUENCE + 1 }, (_, i) => <option key={i} value={i}>{fmt.number(i, 0)}</option>)}
                    </select>
                  </td>
                  <td>
                    <InfluencesPicker person={p} people={people} onError={setError} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('dossiers:people.map')}</h3>
          <p className="muted">{t('dossiers:people.mapHint')}</p>
          <RelationshipMap people={people} />
        </>
      )}
    </section>
  );
}
