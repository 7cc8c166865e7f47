import { z } from 'zod';
import { id } from '../../kernel/schema-parts';
import { checkDoc, type DocNode } from './doc';
import { MAX_INFLUENCE, STANCES } from './people';

/** An editor document, checked node by node (known nodes and marks, within the size limits). */
export const docSchema = z.unknown().superRefine((v, ctx) => {
  const problem = checkDoc(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.key, params: problem.params });
}) as unknown as z.ZodType<DocNode>;

const title = z.string({ error: 'dossiers:errors.sectionTitle' }).trim().min(1, 'dossiers:errors.sectionTitle').max(200, 'common:errors.tooLong');
const revision = z.number({ error: 'common:zod.invalid_type' }).int().min(0);

export const ofClient = z.strictObject({ clientId: id });
export const ofSection = z.strictObject({ sectionId: id });

/**
 * The top-level blocks [from, to) of the revision the editor is based on,
 * replaced by `nodes`; `count` is how many top-level blocks the result has.
 * A keystroke in a 70-page section sends one paragraph, not the section.
 */
export const docPatch = z.strictObject({
  from: z.number().int().min(0),
  to: z.number().int().min(0),
  nodes: z.array(z.unknown()).max(100_000),
  count: z.number().int().min(0),
}).superRefine((p, ctx) => {
  if (p.from > p.to) ctx.addIssue({ code: 'custom', message: 'dossiers:errors.patchInvalid', path: ['to'] });
  const problem = checkDoc({ type: 'doc', content: p.nodes });
  if (problem) ctx.addIssue({ code: 'custom', message: problem.key === 'dossiers:errors.docTooLarge' ? problem.key : 'dossiers:errors.patchInvalid', params: problem.params, path: ['nodes'] });
});
export type DocPatch = z.output<typeof docPatch>;

export const saveSectionInput = z.strictObject({
  sectionId: id,
  /** The revision the editor started from; another window's newer save makes this one refused. */
  baseRevision: revision,
  /** The whole document, or (`patch`) the blocks that changed since `baseRevision`. */
  doc: docSchema.optional(),
  patch: docPatch.optional(),
  /** The cursor, so the dossier reopens where the user was. */
  position: z.number().int().min(0).max(100_000_000).optional(),
  /** After a conflict, "keep mine": the version this save replaces goes into the history first. */
  keepReplaced: z.boolean().default(false),
}).refine((i) => (i.doc === undefined) !== (i.patch === undefined), { message: 'dossiers:errors.docOrPatch', path: ['doc'] });

export const addSectionInput = z.strictObject({ dossierId: id, title, afterId: id.nullish().transform((v) => v ?? null) });
export const renameSectionInput = z.strictObject({ sectionId: id, title });
export const reorderInput = z.strictObject({ dossierId: id, order: z.array(id).min(1).max(500) });
export const restoreRevisionInput = z.strictObject({ revisionId: id, baseRevision: revision });

export const personInput = z.strictObject({
  contactId: id,
  stance: z.enum(STANCES, { error: 'dossiers:errors.stance' }).nullish().transform((v) => v ?? null),
  influence: z
    .number({ error: 'dossiers:errors.influence' })
    .int('dossiers:errors.influence')
    .min(0, 'dossiers:errors.influence')
    .max(MAX_INFLUENCE, 'dossiers:errors.influence')
    .nullish()
    .transform((v) => v ?? null),
});
export const influencesInput = z.strictObject({ contactId: id, influences: z.array(id).max(200) });

export const searchInput = z.strictObject({
  q: z.string().max(500, 'common:errors.tooLong'),
  limit: z.number().int().min(1).max(200).default(20),
  offset: z.number().int().min(0).max(100_000).default(0),
  /** While typing: the last word is a prefix. */
  typing: z.boolean().default(false),
});

export const importDocxInput = z.strictObject({ clientId: id, path: z.string().min(1).max(4096) });
