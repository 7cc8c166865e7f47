import type { SectionMeta } from '../../../../shared/features/dossiers/types';
import { useT } from '../../lib/i18n';
import { useSettings } from '../../lib/settings-context';
export type { OutlineHeading };

import type { OutlineHeading } from './useAutosave';

/** A link that jumps within the dossier instead of changing the route. */
function Jump({ to, onGo, children }: { to: string; onGo: () => void; children: React.ReactNode }) {
  return (
    <a href={`#${to}`} onClick={(e) => { e.preventDefault(); onGo(); }}>{children}</a>
  );
}

/**
 * The sections and their headings beside the text; a click jumps there.
 * Links, not buttons: the entries are the user's own headings, not the app's commands.
 */
export function Outline({ sections, headings, words, onSection, onHeading }: {
  sections: SectionMeta[];
  headings: Map<number, OutlineHeading[]>;
  words: Map<number, number>;
  onSection: (id: number) => void;
  onHeading: (sectionId: number, index: number) => void;
}) {
  const { t } = useT();
  const { fmt } = useSettings();
  return (
    <aside className="outline" aria-label={t('dossiers:dossier.outline')} data-testid="outline">
      <h3>{t('dossiers:dossier.outline')}</h3>
      <ol>
        {sections.map((s) => {
          const w = words.get(s.id) ?? s.words;
          return (
            <li key={s.id}>
              <Jump to={`section-${s.id}`} onGo={() => onSection(s.id)}>{s.title}</Jump>
              <span className="muted"> {w ? fmt.number(w, 0) : t('dossiers:dossier.empty')}</span>
              {(headings.get(s.id) ?? []).length > 0 && (
                <ol>
                  {headings.get(s.id)!.map((h) => (
                    <li key={h.index} className={`outline-h${h.level}`}>
                      <Jump to={`section-${s.id}`} onGo={() => onHeading(s.id, h.index)}>{h.text || '…'}</Jump>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ol>
    </aside>
  );
}
