import { useEffect, useId, useRef, useState } from 'react';
import type { OutputOf } from '../../../shared/contract';
import { call } from '../lib/api';
import { useT } from '../lib/i18n';
import './combobox.css';

type Option = OutputOf<'clients.options'>[number];

/** Matches asked for per keystroke, after this pause: fast typing sends one query, not ten. */
export const PICKER_DEBOUNCE_MS = 150;
export const PICKER_LIMIT = 50;

interface Props {
  id: string;
  /** The chosen client's id as text ('' for none), as forms hold it. */
  value: string;
  onChange: (value: string) => void;
  /** The field's name, for the clear button's label. */
  label: string;
  exclude?: number;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * A searchable client picker (the ARIA combobox pattern): the user types, the
 * first matches load from main (case and accents ignored), arrows move
 * through them, Enter or a click picks one. Only a page of names is ever in
 * the document, so a base of 50,000 clients opens as fast as one of 50.
 */
export function ClientPicker({ id, value, onChange, label, exclude, invalid, describedBy }: Props) {
  const { t } = useT();
  const listId = `${useId()}-list`;
  const [chosen, setChosen] = useState<Option | null>(null);
  const [text, setText] = useState('');
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<Option[]>([]);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  // The value a form already holds is an id: its name comes from main once.
  useEffect(() => {
    if (value === '') return setChosen(null);
    if (chosen && String(chosen.id) === value) return;
    let stop = false;
    void call('clients.options', { ids: [Number(value)], includeArchived: true }).then(
      (found) => !stop && setChosen(found[0] ?? null),
      () => {},
    );
    return () => {
      stop = true;
    };
  }, [value]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    const mine = ++seq.current;
    setLoading(true);
    timer.current = window.setTimeout(() => {
      call('clients.options', { search: q, limit: PICKER_LIMIT, ...(exclude ? { exclude } : {}) }).then(
        (found) => {
          // An answer to an older text is dropped: the list always matches what is in the box.
          if (mine !== seq.current) return;
          setOptions(found);
          setActive(found.length ? 0 : -1);
          setLoading(false);
        },
        () => mine === seq.current && setLoading(false),
      );
    }, PICKER_DEBOUNCE_MS);
  };

  const pick = (o: Option | null) => {
    setChosen(o);
    setEditing(false);
    setOpen(false);
    setText('');
    onChange(o ? String(o.id) : '');
  };

  const shown = editing ? text : (chosen?.name ?? '');
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setEditing(true);
        setText(shown);
        search(shown);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (options.length ? (a + step + options.length) % options.length : -1));
    } else if (e.key === 'Enter' && open) {
      // Enter picks; it must not submit the form around the picker.
      e.preventDefault();
      if (active >= 0 && options[active]) pick(options[active]);
    } else if (e.key === 'Escape' && open) {
      // Closes the list only; a second Escape reaches the dialog.
      e.stopPropagation();
      setOpen(false);
      setEditing(false);
    }
  };

  const activeId = open && active >= 0 && options[active] ? `${listId}-${options[active].id}` : undefined;
  return (
    <div className="combobox" data-testid={`picker-${id}`}>
      <div className="combobox-input">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          placeholder={t('accounts:picker.placeholder')}
          value={shown}
          onChange={(e) => {
            setEditing(true);
            setOpen(true);
            setText(e.target.value);
            search(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // Emptied and left: no client. Half-typed and left: the choice stays as it was.
            if (editing && text.trim() === '') pick(null);
            setEditing(false);
            setOpen(false);
          }}
        />
        {chosen && !editing && (
          <button type="button" className="icon-button" aria-label={t('accounts:picker.clear', { label })} onClick={() => pick(null)}>
            ×
          </button>
        )}
      </div>
      <ul id={listId} role="listbox" className="combobox-list" hidden={!open} aria-label={label}>
        {open && loading && options.length === 0 && <li className="muted" role="presentation">{t('accounts:picker.searching')}</li>}
        {open && !loading && options.length === 0 && <li className="muted" role="presentation">{t('accounts:picker.none', { text })}</li>}
        {open &&
          options.map((o, i) => (
            <li
              key={o.id}
              id={`${listId}-${o.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(o)}
            >
              <span>{o.name}</span>
              {(o.code || o.city || o.archived) && (
                <small className="muted"> {[o.code, o.city, o.archived ? t('accounts:picker.archived') : null].filter(Boolean).join(' · ')}</small>
              )}
            </li>
          ))}
        {open && options.length >= PICKER_LIMIT && <li className="muted" role="presentation">{t('accounts:picker.narrow', { n: PICKER_LIMIT })}</li>}
      </ul>
    </div>
  );
}
