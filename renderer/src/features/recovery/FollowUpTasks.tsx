import { parseDateEntry, formatDateEntry } from '../../../../shared/kernel/date-entry';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
import type { FieldErrors } from '../../components/form-values';

export interface DraftTask {
  key: number;
  checked: boolean;
  title: string;
  /** As typed, in the user's date layout. */
  due: string;
  forReferral: boolean;
}

/** The checked tasks as the contract takes them; an unreadable date goes as typed so main names the field. */
export function tasksInput(tasks: DraftTask[], locale: string, calendar: 'gregory' | 'buddhist') {
  return tasks.filter((x) => x.checked).map((x) => ({ title: x.title, dueDate: parseDateEntry(x.due, locale, calendar) ?? x.due, forReferral: x.forReferral }));
}

export const draftTask = (key: number, title: string, dueIso: string, locale: string, calendar: 'gregory' | 'buddhist', forReferral = false): DraftTask =>
  ({ key, checked: true, title, due: formatDateEntry(dueIso, locale, calendar), forReferral });

/** Proposed follow-up tasks: each can be unticked, renamed or moved; more can be added. */
export function FollowUpTasks({ tasks, onChange, errors }: { tasks: DraftTask[]; onChange: (tasks: DraftTask[]) => void; errors: FieldErrors }) {
  const { t } = useT();
  const { settings } = useSettings();
  // Errors are numbered among the ticked tasks, as they are sent.
  const sentIndex = (k: number) => tasks.filter((x) => x.checked).findIndex((x) => x.key === k);
  const edit = (key: number, patch: Partial<DraftTask>) => onChange(tasks.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  return (
    <fieldset className="profile-fields" data-testid="follow-up-tasks">
      <legend>{t('recovery:close.tasks')}</legend>
      {tasks.length === 0 && <p className="muted">{t('recovery:close.noTasks')}</p>}
      {tasks.map((x) => {
        const i = sentIndex(x.key);
        const titleError = i >= 0 ? errors[`tasks.${i}.title`] : undefined;
        const dueError = i >= 0 ? errors[`tasks.${i}.dueDate`] : undefined;
        return (
          <div key={x.key} className="toolbar" style={{ alignItems: 'flex-start', marginBottom: 6 }}>
            <input type="checkbox" aria-label={t('recovery:close.create')} checked={x.checked} onChange={(e) => edit(x.key, { checked: e.target.checked })} />
            <div className={`field${titleError ? ' field-error' : ''}`} style={{ flex: 3 }}>
              <input aria-label={t('recovery:close.task')} value={x.title} onChange={(e) => edit(x.key, { title: e.target.value })} />
              {titleError && <small className="error" role="alert">{titleError}</small>}
            </div>
            <div className={`field${dueError ? ' field-error' : ''}`} style={{ flex: 1 }}>
              <input aria-label={t('recovery:close.due')} value={x.due} onChange={(e) => edit(x.key, { due: e.target.value })}
                onBlur={() => { const iso = parseDateEntry(x.due, settings.locale, settings.calendar); if (iso) edit(x.key, { due: formatDateEntry(iso, settings.locale, settings.calendar) }); }} />
              {dueError && <small className="error" role="alert">{dueError}</small>}
            </div>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...tasks, { key: Math.max(0, ...tasks.map((x) => x.key)) + 1, checked: true, title: '', due: '', forReferral: false }])}>{t('recovery:close.addTask')}</button>
    </fieldset>
  );
}
