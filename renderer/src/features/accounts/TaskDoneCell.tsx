import type { ICellRendererParams } from 'ag-grid-community';
import { useId, useState } from 'react';
import { call } from '../../lib/api';
import { useT } from '../../lib/i18n';

/** A task's done box in the tasks grid: one click ticks it done today, another opens it again. */
export function TaskDoneCell(p: ICellRendererParams<{ id: number; title: string; doneAt: string | null }>) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const labelId = useId();
  const task = p.data;
  if (!task || p.node.rowPinned) return null;
  const done = Boolean(task.doneAt);
  return (
    <span className="task-done">
      {/* The name holds the task's own title, which is the user's data, not the app's words: a label element, not an attribute. */}
      <span id={labelId} hidden>{t(done ? 'accounts:records.tasks.markOpen' : 'accounts:records.tasks.markDone', { title: task.title })}</span>
      <input
        type="checkbox"
        checked={done}
        disabled={busy}
        aria-labelledby={labelId}
        data-testid={`task-done-${task.id}`}
        onClick={(e) => e.stopPropagation()}
        onChange={() => {
          setBusy(true);
          // The grid reloads through the tasks tag; the box follows what was saved.
          void call('tasks.setDone', { id: task.id, done: !done }).finally(() => setBusy(false));
        }}
      />
    </span>
  );
}
