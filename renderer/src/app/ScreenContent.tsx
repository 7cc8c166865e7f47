import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * The area every screen scrolls in. A screen opens at its top (a client
 * opened from the middle of the key-accounts page starts with its name,
 * not at the same height); a kept screen (KeptPage) comes back where the
 * user left it, whose elements are still the same.
 */
export function ScreenContent({ path, kept, children }: { path: string; kept: boolean; children: ReactNode }) {
  const el = useRef<HTMLElement | null>(null);
  const positions = useRef(new Map<string, number>());
  // Where scrolling is recorded: the kept screen showing, none for another. Scroll events come after the
  // screen has changed (the browser sends them with the next frame), so they are recorded for the new one.
  const recording = useRef<string | null>(null);
  const onScroll = () => {
    if (recording.current !== null && el.current) positions.current.set(recording.current, el.current.scrollTop);
  };
  // After the screens' own layout effects (a kept page is back in the document by then) and before their first paint.
  useLayoutEffect(() => {
    recording.current = kept ? path : null;
    if (el.current) el.current.scrollTop = kept ? (positions.current.get(path) ?? 0) : 0;
  }, [path]);
  return (
    <main className="content" ref={el} onScroll={onScroll}>
      {children}
    </main>
  );
}
