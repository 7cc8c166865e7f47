import type * as DocxModule from 'docx';
import type { Paragraph, ParagraphChild, Table, TableOfContents } from 'docx';
import type { DocNode } from '../../../shared/features/dossiers/doc';
import { factLines, type ExportModel } from './export-model';

/**
 * One dossier as a Word document: a title page, a table of contents Word
 * fills in on opening, each section as a level-1 heading with its text,
 * lists, checklists and tables, and page numbers. Noto Sans carries Latin,
 * Lithuanian and Cyrillic; complex-script text (Thai) uses Tahoma, which
 * Windows and Office ship with Thai glyphs.
 */
const FONT = { ascii: 'Noto Sans', hAnsi: 'Noto Sans', eastAsia: 'Noto Sans', cs: 'Tahoma' };
const MONO = { ascii: 'Consolas', hAnsi: 'Consolas', cs: 'Tahoma', eastAsia: 'Consolas' };
const HEADINGS = ['HEADING_1', 'HEADING_2', 'HEADING_3', 'HEADING_4', 'HEADING_5', 'HEADING_6'] as const;

// docx (13 MB of heap) loads with the first Word export, not in every worker that starts (an import's two, the analytics host).
let d: typeof DocxModule;

type Block = Paragraph | Table;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
}

class Writer {
  private lists = 0;
  constructor(private readonly m: ExportModel) {}

  runs(nodes: DocNode[] | undefined, base: RunStyle = {}): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const n of nodes ?? []) {
      if (n.type === 'hardBreak') {
        out.push(new d.TextRun({ text: '', break: 1 }));
        continue;
      }
      if (n.type !== 'text' || !n.text) continue;
      const style: RunStyle = { ...base };
      let href: string | null = null;
      for (const mark of n.marks ?? []) {
        if (mark.type === 'bold') style.bold = true;
        else if (mark.type === 'italic') style.italics = true;
        else if (mark.type === 'underline') style.underline = true;
        else if (mark.type === 'strike') style.strike = true;
        else if (mark.type === 'code') style.code = true;
        else if (mark.type === 'link' && typeof mark.attrs?.href === 'string' && /^(https?:|mailto:)/i.test(mark.attrs.href)) href = mark.attrs.href;
      }
      const run = new d.TextRun({
        text: n.text,
        bold: style.bold,
        italics: style.italics,
        underline: style.underline ? {} : undefined,
        strike: style.strike,
        font: style.code ? MONO : undefined,
        ...(href ? { style: 'Hyperlink' } : {}),
      });
      out.push(href ? new d.ExternalHyperlink({ link: href, children: [run] }) : run);
    }
    return out;
  }

  blocks(nodes: DocNode[] | undefined, ctx: { level: number; quote?: boolean } = { level: 0 }): Block[] {
    const out: Block[] = [];
    for (const n of nodes ?? []) out.push(...this.block(n, ctx));
    return out;
  }

  private para(n: DocNode, ctx: { quote?: boolean }, extra: Record<string, unknown> = {}): Paragraph {
    return new d.Paragraph({
      children: this.runs(n.content, ctx.quote ? { italics: true } : {}),
      ...(ctx.quote ? { indent: { left: 567 }, border: { left: { style: d.BorderStyle.SINGLE, size: 12, color: 'B0BEC5', space: 8 } } } : {}),
      ...extra,
    });
  }

  private list(n: DocNode, ctx: { level: number; quote?: boolean }, kind: 'bullet' | 'ordered' | 'task'): Block[] {
    const out: Block[] = [];
    const instance = kind === 'ordered' ? ++this.lists : 0;
    for (const item of n.content ?? []) {
      (item.content ?? []).forEach((child, i) => {
        if (i === 0 && child.type === 'paragraph') {
          const level = Math.min(8, ctx.level);
          if (kind === 'task') {
            out.push(new d.Paragraph({ children: [new d.CheckBox({ checked: Boolean(item.attrs?.checked) }), new d.TextRun(' '), ...this.runs(child.content)], indent: { left: 360 * (level + 1) } }));
          } else if (kind === 'bullet') out.push(this.para(child, ctx, { bullet: { level } }));
          else out.push(this.para(child, ctx, { numbering: { reference: 'ordered', level, instance } }));
        } else out.push(...this.block(child, { ...ctx, level: ctx.level + 1 }));
      });
    }
    return out;
  }

  private table(n: DocNode): Table {
    const rows = (n.content ?? []).map(
      (row) =>
        new d.TableRow({
          children: (row.content ?? []).map((cell) => {
            const inner = this.blocks(cell.content);
            return new d.TableCell({
              children: inner.length ? inner : [new d.Paragraph('')],
              columnSpan: Number(cell.attrs?.colspan ?? 1) || 1,
              rowSpan: Number(cell.attrs?.rowspan ?? 1) || 1,
              ...(cell.type === 'tableHeader' ? { shading: { fill: 'ECEFF1' } } : {}),
            });
          }),
        }),
    );
    return new d.Table({ rows, width: { size: 100, type: d.WidthType.PERCENTAGE } });
  }

  private facts(n: DocNode): Block[] {
    const { caption, lines } = factLines(n.attrs, this.m);
    return [
      new d.Paragraph({ children: [new d.TextRun({ text: caption, bold: true })] }),
      new d.Table({
        width: { size: 100, type: d.WidthType.PERCENTAGE },
        rows: lines.map(([k, v]) => new d.TableRow({ children: [new d.TableCell({ children: [new d.Paragraph(k)], shading: { fill: 'F5F7FA' } }), new d.TableCell({ children: [new d.Paragraph(v)] })] })),
      }),
    ];
  }

  block(n: DocNode, ctx: { level: number; quote?: boolean }): Block[] {
    switch (n.type) {
      case 'paragraph':
        return [this.para(n, ctx)];
      case 'heading': {
        // The section title is level 1: the text's own headings sit below it.
        const level = Math.min(5, Math.max(1, Number(n.attrs?.level ?? 1)));
        return [new d.Paragraph({ heading: d.HeadingLevel[HEADINGS[level]], children: this.runs(n.content) })];
      }
      case 'bulletList':
        return this.list(n, ctx, 'bullet');
      case 'orderedList':
        return this.list(n, ctx, 'ordered');
      case 'taskList':
        return this.list(n, ctx, 'task');
      case 'blockquote':
        return this.blocks(n.content, { ...ctx, quote: true });
      case 'codeBlock':
        return [new d.Paragraph({ children: this.runs(n.content, { code: true }), shading: { fill: 'F5F5F5' } })];
      case 'table':
        return [this.table(n)];
      case 'horizontalRule':
        return [new d.Paragraph({ border: { bottom: { style: d.BorderStyle.SINGLE, size: 6, color: 'B0BEC5', space: 1 } }, children: [] })];
      case 'liveFacts':
        return this.facts(n);
      default:
        return this.blocks(n.content, ctx);
    }
  }
}

export async function dossierDocx(m: ExportModel): Promise<Buffer> {
  d ??= await import('docx');
  const { dossier, t, fmt } = m;
  const w = new Writer(m);
  const title = dossier.clientName ?? dossier.title;
  const cover: (Block | TableOfContents)[] = [
    new d.Paragraph({ spacing: { before: 3000 } }),
    new d.Paragraph({ heading: d.HeadingLevel.TITLE, alignment: d.AlignmentType.CENTER, children: [new d.TextRun(title)] }),
    new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text: t('export.subtitle'), size: 28 })] }),
    new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: { before: 600 }, children: [new d.TextRun(t('export.asOf', { date: fmt.date(m.today) }))] }),
    ...(m.manager ? [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun(t('export.manager', { name: m.manager }))] })] : []),
    new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun(t('export.words', { count: dossier.words, formatted: fmt.number(dossier.words, 0) }))] }),
    new d.Paragraph({ children: [new d.PageBreak()] }),
    new d.Paragraph({ spacing: { after: 240 }, children: [new d.TextRun({ text: t('export.contents'), bold: true, size: 32 })] }),
    new d.TableOfContents(t('export.contents'), { hyperlink: true, headingStyleRange: '1-2' }),
    new d.Paragraph({ children: [new d.PageBreak()] }),
  ];
  const body: Block[] = dossier.sections.flatMap((s) => [new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, children: [new d.TextRun(s.title)] }), ...w.blocks(s.doc.content)]);
  const doc = new d.Document({
    creator: 'Rapport',
    title: `${title} — ${t('export.subtitle')}`,
    features: { updateFields: true },
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: [d.LevelFormat.DECIMAL, d.LevelFormat.LOWER_LETTER, d.LevelFormat.LOWER_ROMAN][level % 3],
            text: `%${level + 1}.`,
            alignment: d.AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new d.Footer({
            children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ children: [t('export.page'), ' ', d.PageNumber.CURRENT, ' / ', d.PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: [...cover, ...body],
      },
    ],
  });
  return d.Packer.toBuffer(doc);
}
