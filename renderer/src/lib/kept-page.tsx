import { createContext, useCallback, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** False while the page around a component is kept out of the document (another screen shows). */
const PageShownContext = createContext(true);

export const usePageShown = (): boolean => useContext(PageShownContext);

/**
 * A screen kept as it was while another one shows (the clients grid: its
 * 50,000 rows, search, sort and scroll), so coming back is immediate
 * instead of seconds of rebuilding. Its elements are taken out of the
 * document rather than hidden, so nothing on the other screen can meet
 * them (a test id, a focus, a search of the page), and put back when it
 * shows again. Queries it makes wait until then to reload (useQuery).
 * ag-grid comes back at the row it was scrolled to by itself (measured in
 * clients-kept.test.ts): no component needs to restore a scroll position.
 */
export function KeptPage({ shown, children }: { shown: boolean; children: ReactNode }) {
  const host = useRef<HTMLDivElement | null>(null);
  const [body] = useState(() => {
    const div = document.createElement('div');
    div.className = 'kept-page';
    return div;
  });
  // The host comes before the page in the tree, so the page is in the document when its own effects first run (ag-grid measures itself).
  const attach = useCallback((el: HTMLDivElement | null) => {
    host.current = el;
    if (el && shown) el.appendChild(body);
  }, []);
  useLayoutEffect(() => {
    // On mount `attach` has put it in already; moving it again would take it out and back in.
    if (shown && body.parentNode !== host.current) host.current?.appendChild(body);
    else if (!shown) body.remove();
  }, [shown]);
  useLayoutEffect(() => () => body.remove(), []);
  return (
    <>
      <div ref={attach} className="kept-page-host" />
      <PageShownContext.Provider value={shown}>{createPortal(children, body)}</PageShownContext.Provider>
    </>
  );
}
