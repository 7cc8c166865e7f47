import type { DocMark, DocNode } from './doc';

/**
 * Mammoth's HTML (headings, paragraphs, lists, tables, checkboxes, links,
 * bold/italic/underline, images) into the editor's JSON, split into sections
 * at each level-1 heading. Mammoth writes a small, well-formed subset, so a
 * tokenizer and a stack are enough: no DOM is needed (the command line has
 * none). Images are counted and listed as left out.
 */
export interface ImportedSection {
  /** The level-1 heading; null for what comes before the first one. */
  title: string | null;
  doc: DocNode;
}

export interface HtmlImport {
  sections: ImportedSection[];
  images: { alt: string | null }[];
}

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

const VOID = new Set(['br', 'img', 'input', 'hr', 'col', 'meta', 'link']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of s.matchAll(/([a-zA-Z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

/** HTML text into an element tree; unknown or unbalanced end tags are tolerated. */
export function parseHtml(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  for (const m of html.matchAll(/<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)|</g)) {
    const top = stack[stack.length - 1];
    if (m[4] !== undefined) {
      top.children.push(decodeEntities(m[4]));
      continue;
    }
    if (!m[2]) {
      if (m[0] === '<') top.children.push('<');
      continue;
    }
    const tag = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const el: El = { tag, attrs: parseAttrs(m[3]), children: [] };
    top.children.push(el);
    if (!VOID.has(tag) && !m[3].trimEnd().endsWith('/')) stack.push(el);
  }
  return root;
}

const MARK_OF: Record<string, string> = { strong: 'bold', b: 'bold', em: 'italic', i: 'italic', u: 'underline', s: 'strike', del: 'strike', strike: 'strike', code: 'code' };
const safeHref = (h: string | undefined) => (h && /^(https?:|mailto:)/i.test(h.trim()) ? h.trim() : null);

class Converter {
  images: { alt: string | null }[] = [];

  inline(nodes: (El | string)[], marks: DocMark[] = []): DocNode[] {
    const out: DocNode[] = [];
    for (const n of nodes) {
      if (typeof n === 'string') {
        const text = n.replace(/[\r\n]+/g, ' ');
        if (text) out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
        continue;
      }
      if (n.tag === 'br') out.push({ type: 'hardBreak' });
      else if (n.tag === 'img') this.images.push({ alt: n.attrs.alt?.trim() || null });
      else if (n.tag === 'input') continue;
      else if (MARK_OF[n.tag]) out.push(...this.inline(n.children, [...marks.filter((m) => m.type !== MARK_OF[n.tag]), { type: MARK_OF[n.tag] }]));
      else if (n.tag === 'a') {
        const href = safeHref(n.attrs.href);
        out.push(...this.inline(n.children, href ? [...marks, { type: 'link', attrs: { href } }] : marks));
      } else out.push(...this.inline(n.children, marks));
    }
    return out;
  }

  paragraph(el: El): DocNode {
    const content = this.inline(el.children);
    return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
  }

  /** Block content of a container (a list item, a cell): inline runs become paragraphs. */
  blocks(children: (El | string)[]): DocNode[] {
    const out: DocNode[] = [];
    let pending: (El | string)[] = [];
    const flush = () => {
      if (pending.some((p) => typeof p !== 'string' || p.trim())) out.push(this.paragraph({ tag: 'p', attrs: {}, children: pending }));
      pending = [];
    };
    let tasks: DocNode[] = [];
    const flushTasks = () => {
      if (tasks.length) out.push({ type: 'taskList', content: tasks });
      tasks = [];
    };
    for (const c of children) {
      const block = typeof c !== 'string' && this.isBlock(c.tag);
      if (!block) {
        pending.push(c);
        continue;
      }
      flush();
      const el = c as El;
      const box = el.tag === 'p' ? this.checkbox(el) : null;
      if (box) {
        tasks.push({ type: 'taskItem', attrs: { checked: box.checked }, content: [this.paragraph({ ...el, children: box.rest })] });
        continue;
      }
      flushTasks();
      out.push(...this.block(el));
    }
    flush();
    flushTasks();
    return out;
  }

  isBlock(tag: string): boolean {
    return /^(p|h[1-6]|ul|ol|table|blockquote|pre|div|hr|li|tr|td|th)$/.test(tag);
  }

  /** A paragraph that starts with a checkbox is a checklist item. */
  checkbox(p: El): { checked: boolean; rest: (El | string)[] } | null {
    const first = p.children.findIndex((c) => typeof c !== 'string' || c.trim());
    const c = p.children[first];
    if (first < 0 || typeof c === 'string' || c.tag !== 'input' || c.attrs.type !== 'checkbox') return null;
    const rest = p.children.slice(first + 1);
    if (typeof rest[0] === 'string') rest[0] = rest[0].replace(/^\s+/, '');
    return { checked: 'checked' in c.attrs, rest };
  }

  block(el: El): DocNode[] {
    switch (el.tag) {
      case 'p': {
        const p = this.paragraph(el);
        // A paragraph that held only an image is left out with it.
        return p.content || !el.children.some((c) => typeof c !== 'string' && c.tag === 'img') ? [p] : [];
      }
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': {
        const content = this.inline(el.children);
        return [content.length ? { type: 'heading', attrs: { level: Number(el.tag[1]) }, content } : { type: 'paragraph' }];
      }
      case 'ul':
      case 'ol': {
        const items = el.children.filter((c): c is El => typeof c !== 'string' && c.tag === 'li').map((li) => this.listItem(li));
        if (!items.length) return [];
        return [el.tag === 'ul' ? { type: 'bulletList', content: items } : { type: 'orderedList', attrs: { start: Number(el.attrs.start ?? 1) || 1 }, content: items }];
      }
      case 'table':
        return this.table(el);
      case 'blockquote': {
        const inner = this.blocks(el.children);
        return [{ type: 'blockquote', content: inner.length ? inner : [{ type: 'paragraph' }] }];
      }
      case 'pre': {
        const text = textOf(el);
        return [text ? { type: 'codeBlock', content: [{ type: 'text', text }] } : { type: 'codeBlock' }];
      }
      case 'hr':
        return [{ type: 'horizontalRule' }];
      default:
        return this.blocks(el.children);
    }
  }

  listItem(li: El): DocNode {
    const inner = this.blocks(li.children);
    // A list item starts with a paragraph (the editor's schema): a nested list alone gets an empty one before it.
    if (!inner.length || inner[0].type !== 'paragraph') inner.unshift({ type: 'paragraph' });
    return { type: 'listItem', content: inner };
  }

  table(el: El): DocNode[] {
    const rows: El[] = [];
    const collect = (e: El) => e.children.forEach((c) => typeof c !== 'string' && (c.tag === 'tr' ? rows.push(c) : /^(thead|tbody|tfoot)$/.test(c.tag) && collect(c)));
    collect(el);
    const out = rows
      .map((tr) => {
        const cells = tr.children.filter((c): c is El => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'));
        return {
          type: 'tableRow',
          content: cells.map((td) => {
            const inner = this.blocks(td.children);
            const attrs: Record<string, unknown> = { colspan: Number(td.attrs.colspan ?? 1) || 1, rowspan: Number(td.attrs.rowspan ?? 1) || 1 };
            return { type: td.tag === 'th' ? 'tableHeader' : 'tableCell', attrs, content: inner.length ? inner : [{ type: 'paragraph' }] };
          }),
        };
      })
      .filter((r) => r.content.length);
    return out.length ? [{ type: 'table', content: out }] : [];
  }
}

const textOf = (el: El | string): string => (typeof el === 'string' ? el : el.tag === 'br' ? '\n' : el.children.map(textOf).join(''));

/** Mammoth's HTML as sections: each level-1 heading starts one, with the heading as its title. */
export function htmlToSections(html: string): HtmlImport {
  const root = parseHtml(html);
  const conv = new Converter();
  const sections: { title: string | null; nodes: (El | string)[] }[] = [{ title: null, nodes: [] }];
  for (const c of root.children) {
    if (typeof c !== 'string' && c.tag === 'h1') sections.push({ title: textOf(c).replace(/\s+/g, ' ').trim(), nodes: [] });
    else sections[sections.length - 1].nodes.push(c);
  }
  const out: ImportedSection[] = [];
  for (const s of sections) {
    const content = conv.blocks(s.nodes);
    if (s.title === null && !content.length) continue;
    out.push({ title: s.title, doc: { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] } });
  }
  return { sections: out, images: conv.images };
}
