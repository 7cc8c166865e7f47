import { Extension, Node, mergeAttributes, type Extensions } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { ReactNodeViewRenderer } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { ComponentType } from 'react';
import type { ReactNodeViewProps } from '@tiptap/react';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    liveFacts: { insertLiveFacts: () => ReturnType };
  }
}

/**
 * The account's figures as a block: live (drawn from the base whenever the
 * dossier is shown or exported) until frozen with its date and values.
 */
export function liveFactsNode(view: ComponentType<ReactNodeViewProps>) {
  return Node.create({
    name: 'liveFacts',
    group: 'block',
    atom: true,
    draggable: true,
    selectable: true,
    addAttributes() {
      return {
        frozen: {
          default: null,
          parseHTML: (el: HTMLElement) => {
            try {
              return JSON.parse(el.getAttribute('data-frozen') ?? 'null');
            } catch {
              return null;
            }
          },
          renderHTML: (attrs: { frozen?: unknown }) => (attrs.frozen ? { 'data-frozen': JSON.stringify(attrs.frozen) } : {}),
        },
      };
    },
    parseHTML: () => [{ tag: 'div[data-live-facts]' }],
    renderHTML: ({ HTMLAttributes }) => ['div', mergeAttributes(HTMLAttributes, { 'data-live-facts': '' })],
    addNodeView: () => ReactNodeViewRenderer(view),
    addCommands() {
      return { insertLiveFacts: () => ({ commands }) => commands.insertContent({ type: this.name }) };
    },
  });
}

/**
 * How a heading of the text is shown: as a heading one level below the
 * section's own title (aria-level), in a div rather than h1–h4, so the user's
 * headings do not pose as the page's. Display only: copying still writes
 * h1–h4, and pasted h1–h6 are read as before.
 */
export const headingView = Extension.create({
  name: 'headingView',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          nodeViews: {
            heading: (node) => {
              const level = node.attrs.level as number;
              const dom = document.createElement('div');
              dom.className = `doc-heading doc-h${level}`;
              dom.setAttribute('role', 'heading');
              dom.setAttribute('aria-level', String(Math.min(6, level + 2)));
              return { dom, contentDOM: dom, update: (next) => next.type === node.type && next.attrs.level === level };
            },
          },
        },
      }),
    ];
  },
});

/** The editor's schema: what the stored JSON may hold (see shared/features/dossiers/doc.ts), and nothing more. */
/**
 * No placeholder extension: it walks the whole document on every keystroke,
 * which a 70-page section cannot afford.
 */
export function editorExtensions(opts: { factsView: ComponentType<ReactNodeViewProps> }): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3, 4] },
      link: { openOnClick: false, autolink: true, protocols: ['mailto'], defaultProtocol: 'https' },
      // Pasted code blocks are rare in a dossier; keep them as plain code blocks.
      codeBlock: {},
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    liveFactsNode(opts.factsView),
    headingView,
  ];
}
