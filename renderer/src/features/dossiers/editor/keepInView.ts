/**
 * Scrolls to `el` and keeps it there while the dossier settles: sections
 * between are made as they come near the screen and change height, which
 * would otherwise carry the target away. Stops after `ms`, or as soon as the
 * user scrolls or types.
 */
export function keepInView(el: Element, block: ScrollLogicalPosition = 'center', ms = 1200): void {
  el.scrollIntoView({ block });
  const box = el.closest('.dossier-sections');
  if (!box || typeof ResizeObserver === 'undefined') return;
  const ro = new ResizeObserver(() => el.isConnected && el.scrollIntoView({ block }));
  const stop = () => {
    ro.disconnect();
    window.clearTimeout(timer);
    for (const e of ['wheel', 'keydown', 'touchstart', 'mousedown'] as const) window.removeEventListener(e, stop, true);
  };
  const timer = window.setTimeout(stop, ms);
  for (const e of ['wheel', 'keydown', 'touchstart', 'mousedown'] as const) window.addEventListener(e, stop, { capture: true, passive: true });
  ro.observe(box);
}
