/** A paste larger than this is refused: a 10 MB clipboard would freeze the editor and bloat the dossier. */
export const MAX_PASTE_MB = 2;

/**
 * Word's clipboard HTML without its noise: conditional comments, style
 * blocks, Office tags, and its fake lists (paragraphs with mso-list styles
 * and a typed bullet) turned into real lists. Web pages' styling is dropped
 * by the editor's schema itself, which keeps only what it knows.
 */
export function cleanPastedHtml(html: string): string {
  if (!/mso-|urn:schemas-microsoft-com|<o:p/i.test(html)) return html;
  const cleaned = html
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<style[\s\S]*?<\/style>/gi, '')
    .replace(/<\/?o:p>/gi, '')
    .replace(/<\/?(w|m|v):[^>]*>/gi, '');
  const doc = new DOMParser().parseFromString(cleaned, 'text/html');
  const paragraphs = [...doc.body.querySelectorAll('p')];
  let list: HTMLElement | null = null;
  for (const p of paragraphs) {
    const style = p.getAttribute('style') ?? '';
    if (!/mso-list:\s*l\d/i.test(style) && !/MsoListParagraph/i.test(p.className)) {
      list = null;
      continue;
    }
    const marker = p.querySelector('span[style*="mso-list:Ignore"], span[style*="mso-list: Ignore"]');
    const ordered = /\d|[a-z]\)/i.test(marker?.textContent ?? '');
    marker?.remove();
    const tag = ordered ? 'OL' : 'UL';
    if (!list || list.tagName !== tag || list.nextElementSibling !== p) {
      list = doc.createElement(tag.toLowerCase());
      p.before(list);
    }
    const li = doc.createElement('li');
    li.innerHTML = p.innerHTML;
    p.remove();
    list.append(li);
  }
  return doc.body.innerHTML;
}
