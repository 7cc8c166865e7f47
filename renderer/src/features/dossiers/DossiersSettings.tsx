import { useEffect, useState } from 'react';
import { DEFAULT_TEMPLATE, type TemplateEntry } from '../../../../shared/features/dossiers/template';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';
import { useQuery } from '../../lib/useQuery';

/** Settings → the sections new dossiers start with: add, rename, reorder, remove. */
export function DossiersSettings() {
  const { t } = useT();
  const saved = useQuery('dossiers.template', {});
  const [entries, setEntries] = useState<TemplateEntry[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  useEffect(() => setEntries(saved.data ?? null), [saved.data]);
  if (!entries) return null;
  const titleOf = (e: TemplateEntry) => e.title ?? (e.key ? t(`dossiers:sections.${e.key}`) : '');
  const change = (next: TemplateEntry[]) => {
    setEntries(next);
    setMessage(null);
  };
  const move = (i: number, d: -1 | 1) => {
    const next = [...entries];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    change(next);
  };
  const save = async (list: TemplateEntry[]) => {
    try {
      setEntries(await call('dossiers.saveTemplate', { sections: list }));
      setMessage({ text: t('dossiers:settings.saved') });
    } catch (err) {
      setMessage({ text: (err as Error).message, error: true });
    }
  };
  return (
    <section className="settings-block dossier-template" data-testid="dossier-template">
      <h2>{t('dossiers:settings.title')}</h2>
      <p className="muted">{t('dossiers:settings.intro')}</p>
      <ol className="template-list">
        {entries.map((e, i) => (
          <li key={i}>
            <input
              aria-label={t('dossiers:dossier.sectionTitle')}
              value={titleOf(e)}
              onChange={(ev) => change(entries.map((x, k) => (k === i ? { ...x, title: ev.target.value || (x.key ? null : ev.target.value) } : x)))}
            />
            {e.key && <span className="badge">{t('dossiers:settings.standard')}</span>}
            <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('dossiers:settings.moveUp')}>↑</button>
            <button type="button" disabled={i === entries.length - 1} onClick={() => move(i, 1)} aria-label={t('dossiers:settings.moveDown')}>↓</button>
            <button type="button" onClick={() => change(entries.filter((_, k) => k !== i))}>{t('dossiers:settings.remove')}</button>
          </li>
        ))}
      </ol>
      <div className="toolbar">
        <button type="button" onClick={() => change([...entries, { key: null, title: t('dossiers:settings.newTitle') }])}>{t('dossiers:settings.add')}</button>
        <button type="button" onClick={() => void save(DEFAULT_TEMPLATE)}>{t('dossiers:settings.reset')}</button>
        <button type="button" className="primary" onClick={() => void save(entries)}>{t('common:save')}</button>
        {message && <span className={message.error ? 'form-error' : 'muted'} role="status">{message.text}</span>}
      </div>
    </section>
  );
}
