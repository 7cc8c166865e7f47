import type { ClientStory as Story } from '../../../../shared/features/accounts/types';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import { RevenueChart } from './RevenueChart';

/** Lifetime revenue, the last purchase, the last contact and the next task, then the revenue chart and the product mix. */
export function ClientStory({ story }: { story: Story }) {
  const { t } = useT();
  const { fmt } = useSettings();
  const n = (x: number) => fmt.number(x, 0);
  const days = story.daysSinceLastPurchase;
  return (
    <div className="client-story" data-testid="client-story">
      <div className="cards">
        <div className="card">
          <span>{t('accounts:story.lifetime')}</span>
          <strong data-testid="lifetime-revenue">{fmt.money(story.lifetimeRevenue)}</strong>
          <small data-testid="lifetime-detail">
            {t('accounts:story.lines', { count: story.lines, n: n(story.lines) })} {t('accounts:story.days', { count: story.purchaseDays, n: n(story.purchaseDays) })}
            {story.firstPurchase ? ` · ${t('accounts:story.since', { date: fmt.date(story.firstPurchase) })}` : ''}
          </small>
        </div>
        <div className="card">
          <span>{t('accounts:story.lastPurchase')}</span>
          <strong>{story.lastPurchase ? fmt.date(story.lastPurchase) : t('accounts:story.noPurchases')}</strong>
          {days !== null && (
            <small data-testid="days-since">{days === 0 ? t('accounts:story.today') : t('accounts:story.daysAgo', { count: days, n: n(days) })}</small>
          )}
        </div>
        <div className="card">
          <span>{t('accounts:story.lastContact')}</span>
          {story.lastContact ? (
            <>
              <strong data-testid="last-contact">{fmt.date(story.lastContact.date)} · {t(`accounts:kind.${story.lastContact.kind as 'call'}`)}</strong>
              <small className="wrap">{story.lastContact.contact ? `${t('accounts:story.with', { name: story.lastContact.contact })}: ` : ''}{story.lastContact.summary}</small>
            </>
          ) : (
            <strong data-testid="last-contact">{t('accounts:story.noContact')}</strong>
          )}
        </div>
        <div className="card">
          <span>{t('accounts:story.nextTask')}</span>
          {story.nextTask ? (
            <>
              <strong data-testid="next-task" className="wrap">{story.nextTask.title}</strong>
              <small className={story.nextTask.overdue ? 'overdue' : ''}>
                {story.nextTask.overdue ? t('accounts:story.overdue', { date: fmt.date(story.nextTask.dueDate) }) : t('accounts:story.due', { date: fmt.date(story.nextTask.dueDate) })}
                {' · '}
                {t('accounts:story.openTasks', { count: story.openTasks, n: n(story.openTasks) })}
                {' '}
                <span id="next-task-done-label" hidden>{t('accounts:records.tasks.markDone', { title: story.nextTask.title })}</span>
                <button type="button" className="link" aria-labelledby="next-task-done-label" onClick={() => void call('tasks.setDone', { id: story.nextTask!.id, done: true })}>
                  {t('accounts:records.tasks.done')}
                </button>
              </small>
            </>
          ) : (
            <strong data-testid="next-task">{t('accounts:story.noTask')}</strong>
          )}
        </div>
      </div>
      <div className="story-row">
        <RevenueChart story={story} />
        <ProductMix story={story} />
      </div>
    </div>
  );
}

function ProductMix({ story }: { story: Story }) {
  const { t } = useT();
  const { fmt } = useSettings();
  if (story.products.length === 0) return null;
  return (
    <section className="story-block" aria-label={t('accounts:story.productMix')}>
      <h3>{t('accounts:story.productMix')}</h3>
      <table className="mix" data-testid="product-mix">
        <thead>
          <tr>
            <th scope="col">{t('accounts:story.product')}</th>
            <th scope="col" className="num">{t('accounts:story.revenue')}</th>
            <th scope="col" className="num">{t('accounts:story.share')}</th>
            <th scope="col" className="num">{t('accounts:story.lines')}</th>
          </tr>
        </thead>
        <tbody>
          {story.products.map((p) => (
            <tr key={p.product ?? ''}>
              <td>
                <span className="wrap">{p.product ?? t('accounts:story.noProduct')}</span>
                <span className="mix-bar" style={{ width: `${Math.max(0, Math.min(100, p.share * 100))}%` }} aria-hidden="true" />
              </td>
              <td className="num">{fmt.money(p.revenue)}</td>
              <td className="num">{fmt.percent(p.share)}</td>
              <td className="num">{fmt.number(p.lines, 0)}</td>
            </tr>
          ))}
          {story.otherProducts > 0 && (
            <tr className="muted">
              <td>{t('accounts:story.otherProducts', { count: story.otherProducts, n: fmt.number(story.otherProducts, 0) })}</td>
              <td className="num">{fmt.money(story.otherRevenue)}</td>
              <td className="num">{fmt.percent(story.lifetimeRevenue > 0 ? story.otherRevenue / story.lifetimeRevenue : 0)}</td>
              <td />
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
