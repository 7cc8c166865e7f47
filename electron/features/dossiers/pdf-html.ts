import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DocNode } from '../../../shared/features/dossiers/doc';
import { factLines, type ExportModel } from './export-model';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

let fontFaces: string | null = null;
/** Noto Sans Thai, embedded: the print window has no web fonts, and not every machine has a Thai font. */
function thaiFontFaces(): string {
  if (fontFaces !== null) return fontFaces;
  try {
    const dir = join(dirname(require.resolve('@fontsource/noto-sans-thai/LICENSE')), 'files');
    fontFaces = [400, 600]
      .map((w) => `@font-face{font-family:'Noto Sans Thai';font-weight:${w};font-style:normal;src:url(data:font/woff2;base64,${readFileSync(join(dir, `noto-sans-thai-thai-${w}-normal.woff2`)).toString('base64')}) format('woff2');unicode-range:U+0E01-0E5B,U+200C-200D,U+25CC;}`)
      .join('');
  } catch {
    fontFaces = '';
  }
  return fontFaces;
}

// ~500 words to an A4 page: 10 pt text, 1.38 line height, 18 mm margins.
const CSS = `
@page { size: A4; margin: 18mm 18mm 20mm 18mm; }
body { font-family: 'Noto Sans', 'Noto Sans Thai', 'DejaVu Sans', Tahoma, sans-serif; font-size: 10pt; line-height: 1.38; color: #1d2330; margin: 0; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center; break-after: page; }
.cover h1 { font-size: 28pt; margin: 0 0 8mm; }
.cover .sub { font-size: 15pt; color: #455a64; }
.cover .meta { margin-top: 14mm; color: #455a64; }
.toc { break-after: page; }
.toc h2 { font-size: 18pt; }
.toc ol { padding-left: 6mm; }
.toc li { margin: 2mm 0; }
.toc a { color: #1d2330; text-decoration: none; }
.toc li ol li { margin: 1mm 0; font-size: 10pt; }
h1.section { font-size: 18pt; margin: 8mm 0 3mm; border-bottom: 1px solid #cfd8dc; padding-bottom: 1.5mm; break-after: avoid; }
h2, h3, h4, h5, h6 { break-after: avoid; margin: 5mm 0 2mm; }
h2 { font-size: 14pt; } h3 { font-size: 12.5pt; } h4, h5, h6 { font-size: 11.5pt; }
p { margin: 0 0 1.8mm; orphans: 2; widows: 2; }
ul, ol { margin: 0 0 2.2mm; padding-left: 7mm; }
ul.tasks { list-style: none; padding-left: 2mm; }
ul.tasks li::before { content: '☐ '; }
ul.tasks li.done::before { content: '☑ '; }
blockquote { margin: 0 0 2.2mm; padding-left: 4mm; border-left: 3px solid #b0bec5; color: #37474f; font-style: italic; }
pre { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 9.5pt; background: #f5f5f5; padding: 2mm; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm; break-inside: auto; }
td, th { border: 1px solid #b0bec5; padding: 1.2mm 2mm; vertical-align: top; text-align: left; }
th { background: #eceff1; }
td > p:last-child, th > p:last-child { margin: 0; }
.facts caption { text-align: left; font-weight: 600; padding-bottom: 1mm; }
.facts td:first-child { background: #f5f7fa; width: 45%; }
hr { border: 0; border-top: 1px solid #b0bec5; }
a { color: #1d4ed8; }
`;

class HtmlWriter {
  constructor(private readonly m: ExportModel) {}

  inline(nodes: DocNode[] | undefined): string {
    return (nodes ?? [])
      .map((n) => {
        if (n.type === 'hardBreak') return '<br>';
        if (n.type !== 'text') return '';
        let html = esc(n.text ?? '');
        for (const mark of n.marks ?? []) {
          if (mark.type === 'bold') html = `<strong>${html}</strong>`;
          else if (mark.type === 'italic') html = `<em>${html}</em>`;
          else if (mark.type === 'underline') html = `<u>${html}</u>`;
          else if (mark.type === 'strike') html = `<s>${html}</s>`;
          else if (mark.type === 'code') html = `<code>${html}</code>`;
          else if (mark.type === 'link' && typeof mark.attrs?.href === 'string' && /^(https?:|mailto:)/i.test(mark.attrs.href)) html = `<a href="${esc(mark.attrs.href)}">${html}</a>`;
        }
        return html;
      })
      .join('');
  }

  blocks(nodes: DocNode[] | undefined): string {
    return (nodes ?? []).map((n) => this.block(n)).join('\n');
  }

  block(n: DocNode): string {
    switch (n.type) {
      case 'paragraph':
        return `<p>${this.inline(n.content) || '&nbsp;'}</p>`;
      case 'heading': {
        const level = Math.min(6, Math.max(2, Number(n.attrs?.level ?? 1) + 1));
        return `<h${level}>${this.inline(n.content)}</h${level}>`;
      }
      case 'bulletList':
        return `<ul>${(n.content ?? []).map((li) => `<li>${this.blocks(li.content)}</li>`).join('')}</ul>`;
      case 'orderedList':
        return `<ol start="${Number(n.attrs?.start ?? 1) || 1}">${(n.content ?? []).map((li) => `<li>${this.blocks(li.content)}</li>`).join('')}</ol>`;
      case 'taskList':
        return `<ul class="tasks">${(n.content ?? []).map((li) => `<li class="${li.attrs?.checked ? 'done' : ''}">${this.blocks(li.content)}</li>`).join('')}</ul>`;
      case 'blockquote':
        return `<blockquote>${this.blocks(n.content)}</blockquote>`;
      case 'codeBlock':
        return `<pre>${this.inline(n.content)}</pre>`;
      case 'horizontalRule':
        return '<hr>';
      case 'table':
        return `<table>${(n.content ?? [])
          .map((row) => `<tr>${(row.content ?? []).map((c) => {
            const tag = c.type === 'tableHeader' ? 'th' : 'td';
            const span = `${Number(c.attrs?.colspan ?? 1) > 1 ? ` colspan="${Number(c.attrs?.colspan)}"` : ''}${Number(c.attrs?.rowspan ?? 1) > 1 ? ` rowspan="${Number(c.attrs?.rowspan)}"` : ''}`;
            return `<${tag}${span}>${this.blocks(c.content)}</${tag}>`;
          }).join('')}</tr>`)
          .join('')}</table>`;
      case 'liveFacts': {
        const { caption, lines } = factLines(n.attrs, this.m);
        return `<table class="facts"><caption>${esc(caption)}</caption>${lines.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('')}</table>`;
      }
      default:
        return this.blocks(n.content);
    }
  }
}

/**
 * One dossier as a self-contained HTML document for Chromium's print engine:
 * a title page, a table of contents linking to each section and its
 * headings, then the sections. Page numbers come from the footer template.
 */
export function dossierPdfHtml(m: ExportModel): { html: string; footerTemplate: string } {
  const { dossier, t, fmt } = m;
  const w = new HtmlWriter(m);
  const title = dossier.clientName ?? dossier.title;
  const toc = dossier.sections
    .map((s, i) => {
      const heads = (s.doc.content ?? []).flatMap((n, k) => (n.type === 'heading' && Number(n.attrs?.level ?? 1) === 1 ? [`<li><a href="#s${i}-h${k}">${w.inline(n.content)}</a></li>`] : []));
      return `<li><a href="#s${i}">${esc(s.title)}</a>${heads.length ? `<ol>${heads.join('')}</ol>` : ''}</li>`;
    })
    .join('');
  const body = dossier.sections
    .map((s, i) => {
      const content = (s.doc.content ?? []).map((n, k) => (n.type === 'heading' ? w.block(n).replace(/^<h(\d)>/, `<h$1 id="s${i}-h${k}">`) : w.block(n))).join('\n');
      return `<section><h1 class="section" id="s${i}">${esc(s.title)}</h1>\n${content}</section>`;
    })
    .join('\n');
  const html = `<!doctype html><html lang="${esc(m.lang)}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${/[\u0E00-\u0E7F]/.test(body) ? thaiFontFaces() : ''}${CSS}</style></head><body>
<div class="cover"><h1>${esc(title)}</h1><div class="sub">${esc(t('export.subtitle'))}</div>
<div class="meta">${esc(t('export.asOf', { date: fmt.date(m.today) }))}${m.manager ? `<br>${esc(t('export.manager', { name: m.manager }))}` : ''}<br>${esc(t('export.words', { count: dossier.words, formatted: fmt.number(dossier.words, 0) }))}</div></div>
<nav class="toc"><h2>${esc(t('export.contents'))}</h2><ol>${toc}</ol></nav>
${body}
</body></html>`;
  const footerTemplate = `<div style="width:100%;font-size:8pt;color:#607d8b;text-align:center;font-family:sans-serif">${esc(title)} · ${esc(t('export.page'))} <span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
  return { html, footerTemplate };
}
