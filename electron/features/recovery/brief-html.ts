import type { ContactLevel, InteractionKind } from '../../../shared/features/accounts';
import type { Reason } from '../../../shared/features/recovery/types';
import type { Formatters } from '../../../shared/kernel/format';
import { BRIEF_LIMITS, type BriefData } from './brief-data';
import type { Translate } from './translate';

const esc = (s: unknown): string =>
  String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Free text is cut to fit the page: the full text stays on the case and the client page. */
const clip = (s: string | null | undefined, n: number): string | null => (s === null || s === undefined ? null : s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** Scoped to .rapport-brief so the same rules serve the printed page and the preview inside the window. */
export const BRIEF_STYLE = `
@page { size: A4; margin: 10mm; }
.rapport-brief { font-family: 'Noto Sans', 'Noto Sans Thai', system-ui, sans-serif; font-size: 8.2pt; line-height: 1.25; color: #1d2330; }
.rapport-brief h1 { font-size: 13pt; margin: 0 0 1mm; }
.rapport-brief h2 { font-size: 9.2pt; margin: 2.4mm 0 0.8mm; padding-bottom: 0.6mm; border-bottom: 0.3mm solid #c5cad3; text-transform: uppercase; letter-spacing: 0.03em; }
.rapport-brief .sub { color: #555; margin: 0 0 2mm; }
.rapport-brief .cols { display: grid; grid-template-columns: 1fr 1fr; column-gap: 6mm; }
.rapport-brief table { border-collapse: collapse; width: 100%; }
.rapport-brief td, .rapport-brief th { text-align: left; padding: 0.5mm 1mm; vertical-align: top; border-bottom: 0.2mm solid #e3e6eb; }
.rapport-brief th { font-weight: 600; color: #555; }
.rapport-brief td.num { text-align: right; white-space: nowrap; }
.rapport-brief ul { margin: 0; padding-left: 4mm; }
.rapport-brief li { margin: 0 0 0.4mm; }
.rapport-brief .muted { color: #666; }
.rapport-brief .person b { font-weight: 600; }
.rapport-brief .key { background: #fff6e0; padding: 1.5mm 2mm; border-radius: 1mm; margin: 1mm 0; }
.rapport-brief .more { color: #666; font-style: italic; }
`;

function reasonName(t: Translate, r: Reason | undefined): string {
  if (!r) return t('recovery:reasons.unknown');
  return r.label ?? (r.code ? t(`recovery:reasons.builtin.${r.code}`) : '');
}

const line = (label: string, value: string | null | undefined) => (value ? `<li><span class="muted">${esc(label)}:</span> ${esc(value)}</li>` : '');

/** The brief's markup (without the document around it): one A4 page for the lunch. */
export function briefBody(d: BriefData, t: Translate, fmt: Formatters): string {
  const c = d.recoveryCase;
  const where = [d.client.city, d.client.country].filter(Boolean).join(', ');
  const head = [d.client.code, d.client.type, where, d.client.manager && t('recovery:brief.managedBy', { name: d.client.manager })].filter(Boolean).join(' · ');
  const reason = d.reasons.get(c.interview.reasonId ?? c.firstReasonId ?? -1);
  const meetingWith = c.contacts.find((p) => p.id === c.meeting.contactId);

  const history = `
    <h2>${esc(t('recovery:brief.history'))}</h2>
    <table><tr>${d.years.map((y) => `<th>${esc(y.year)}</th>`).join('')}</tr><tr>${d.years.map((y) => `<td class="num">${esc(fmt.money(y.revenue))}</td>`).join('')}</tr></table>
    <ul>
      ${line(t('recovery:brief.customerSince'), fmt.date(d.firstPurchase))}
      ${line(t('recovery:brief.lastPurchase'), fmt.date(d.lastPurchase))}
      ${line(t('recovery:brief.rhythm'), d.rhythmDays === null ? null : t('recovery:brief.everyDays', { count: Math.round(d.rhythmDays) }))}
      ${line(t('recovery:brief.lostRevenue'), fmt.money(c.lostRevenue))}
      ${line(t('recovery:brief.class'), c.abc ? `${c.abc}${c.keyAtLoss ? ` · ${t('recovery:brief.keyAccount')}` : ''}` : c.keyAtLoss ? t('recovery:brief.keyAccount') : null)}
    </ul>
    <h2>${esc(t('recovery:brief.bought'))}</h2>
    ${d.products.length === 0 ? `<p class="muted">${esc(t('recovery:brief.nothing'))}</p>` : `<table>
      <tr><th>${esc(t('recovery:brief.product'))}</th><th>${esc(t('recovery:brief.quantity'))}</th><th>${esc(t('recovery:brief.revenue'))}</th><th>${esc(t('recovery:brief.lastBought'))}</th></tr>
      ${d.products.map((p) => `<tr><td>${esc(clip(p.product, 28) || '—')}</td><td class="num">${esc(fmt.number(p.quantity, 0))}</td><td class="num">${esc(fmt.money(p.revenue))}</td><td>${esc(fmt.date(p.last))}</td></tr>`).join('')}
    </table>`}`;

  const people = `
    <h2>${esc(t('recovery:brief.people'))}</h2>
    ${d.people.length === 0 ? `<p class="muted">${esc(t('recovery:brief.noPeople'))}</p>` : `<ul>${d.people
      .map((p) => {
        const facts = [
          clip(p.role, 40),
          p.birthday && t('recovery:brief.birthday', { date: fmt.date(p.birthday) }),
          clip(p.family, 40), p.hobbies && t('recovery:brief.hobbies', { text: clip(p.hobbies, 40) }), p.foodPreferences && t('recovery:brief.food', { text: clip(p.foodPreferences, 40) }),
          p.preferredChannel && t('recovery:brief.prefers', { channel: t(`accounts:channel.${p.preferredChannel as 'phone'}`) }),
          t('recovery:brief.lastContact', { date: p.lastContact ? fmt.date(p.lastContact) : t('recovery:brief.never') }),
        ].filter(Boolean);
        return `<li class="person"><b>${esc(clip(p.name, 60))}</b> (${esc(t(`accounts:level.${p.level as ContactLevel}`))})${p.meetingContact ? ` — <b>${esc(t('recovery:brief.meetingWith'))}</b>` : ''}: ${esc(facts.join('; '))}</li>`;
      })
      .join('')}</ul>`}
    ${d.more.people ? `<p class="more">${esc(t('recovery:brief.morePeople', { count: d.more.people }))}</p>` : ''}`;

  const terms = c.interview.terms.map((x) => t(`recovery:terms.${x}`)).join(', ');
  const wrong = `
    <h2>${esc(t('recovery:brief.wrong'))}</h2>
    <div class="key"><b>${esc(reasonName(t, reason))}</b>${c.firstReasonNote ? ` — ${esc(clip(c.firstReasonNote, 140))}` : ''}</div>
    <ul>
      ${line(t('recovery:interview.competitor'), clip(c.interview.competitor, 60))}
      ${line(t('recovery:interview.terms'), terms || null)}
      ${line(t('recovery:interview.termsDetail'), clip(c.interview.termsDetail, 120))}
      ${line(t('recovery:interview.serviceWhat'), clip(c.interview.serviceWhat, 120))}
      ${line(t('recovery:interview.serviceWho'), clip(c.interview.serviceWho, 50))}
      ${line(t('recovery:interview.reasonNote'), clip(c.interview.reasonNote, 120))}
    </ul>
    <h2>${esc(t('recovery:brief.interactions'))}</h2>
    ${d.interactions.length === 0 ? `<p class="muted">${esc(t('recovery:brief.nothing'))}</p>` : `<ul>${d.interactions
      .map((i) => `<li>${esc(fmt.date(i.date))} · ${esc(t(`accounts:kind.${i.kind as InteractionKind}`))}: ${esc(clip(i.summary, 80))}${i.outcome ? ` → ${esc(clip(i.outcome, 50))}` : ''}</li>`)
      .join('')}</ul>`}
    ${d.more.interactions ? `<p class="more">${esc(t('recovery:brief.moreInteractions', { count: d.more.interactions }))}</p>` : ''}
    <h2>${esc(t('recovery:brief.openTasks'))}</h2>
    ${d.openTasks.length === 0 ? `<p class="muted">${esc(t('recovery:brief.noTasks'))}</p>` : `<ul>${d.openTasks.map((x) => `<li>${esc(fmt.date(x.dueDate))}: ${esc(clip(x.title, 75))}</li>`).join('')}</ul>`}
    ${d.more.tasks ? `<p class="more">${esc(t('recovery:brief.moreTasks', { count: d.more.tasks }))}</p>` : ''}`;

  const offers = c.offers.slice(0, BRIEF_LIMITS.offers);
  const offer = `
    <h2>${esc(t('recovery:brief.offer'))}</h2>
    ${offers.length === 0 ? `<p class="muted">${esc(t('recovery:brief.noOffers'))}</p>` : `<ul>${offers
      .map((o) => `<li><b>${esc(t(`recovery:offerKind.${o.kind}`))}:</b> ${esc(clip(o.offer, 100))}${o.answer ? ` <span class="muted">(${esc(t(`recovery:answer.${o.answer}`))}${o.answerNote ? `: ${esc(clip(o.answerNote, 50))}` : ''})</span>` : ''}</li>`)
      .join('')}</ul>`}
    ${c.offers.length > offers.length ? `<p class="more">${esc(t('recovery:brief.moreOffers', { count: c.offers.length - offers.length }))}</p>` : ''}
    <ul>${line(t('recovery:brief.potential'), d.client.potentialAnnual === null ? null : fmt.money(d.client.potentialAnnual))}</ul>
    <p class="muted">${esc(t('recovery:brief.partWell'))}</p>`;

  const meeting = [
    c.meeting.kind && t(`recovery:meetingKind.${c.meeting.kind}`),
    c.meeting.proposedDate && fmt.date(c.meeting.proposedDate),
    clip(c.meeting.place, 40),
    meetingWith && t('recovery:brief.with', { name: clip(meetingWith.name, 40) }),
    c.meeting.askedBy && t('recovery:brief.askedBy', { name: clip(c.meeting.askedBy, 40) }),
    c.meeting.gift && t('recovery:brief.gift', { gift: clip(c.meeting.gift, 40) }),
  ].filter(Boolean).join(' · ');

  return `<div class="rapport-brief">
    <h1>${esc(t('recovery:brief.title', { name: clip(d.client.name, 80) }))}</h1>
    <p class="sub">${esc(head)}</p>
    <p class="sub">${esc(t('recovery:brief.lostOn', { date: fmt.date(c.lostOn), count: c.days }))}${meeting ? ` · ${esc(meeting)}` : ''}</p>
    <div class="cols"><div>${history}${offer}</div><div>${wrong}</div></div>
    ${people}
    <p class="muted">${esc(t('recovery:brief.printed', { date: fmt.date(d.asOf) }))}</p>
  </div>`;
}

/** A self-contained document (inline styles, no scripts, no images) for the print engine. */
export function briefDocument(body: string, lang: string, title: string): string {
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${BRIEF_STYLE} body { margin: 0; }</style></head><body>${body}</body></html>`;
}
