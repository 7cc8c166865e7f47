import { z } from 'zod';
import { i18n } from './i18n';

/** The sections a dossier starts with, unless the user changes the template in Settings. */
export const SECTION_KEYS = ['company', 'people', 'purchases', 'needs', 'competitors', 'strategy', 'risks', 'meetings'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/**
 * One entry of the template. A standard section keeps its key (the people
 * section shows the relationship map); its title is null while the user has
 * not renamed it, so a new dossier gets the name in the user's language.
 */
export const templateEntry = z
  .strictObject({
    key: z.enum(SECTION_KEYS).nullable(),
    title: z.string().trim().max(200, 'common:errors.tooLong').nullable().transform((v) => (v ? v : null)),
  })
  .refine((e) => e.key !== null || e.title !== null, { message: 'dossiers:errors.sectionTitle', path: ['title'] });
export type TemplateEntry = z.output<typeof templateEntry>;

export const templateInput = z.strictObject({
  sections: z
    .array(templateEntry)
    .min(1, 'dossiers:errors.templateEmpty')
    .max(60)
    .refine((s) => new Set(s.filter((e) => e.key).map((e) => e.key)).size === s.filter((e) => e.key).length, 'dossiers:errors.templateRepeat'),
});

export const DEFAULT_TEMPLATE: TemplateEntry[] = SECTION_KEYS.map((key) => ({ key, title: null }));

/**
 * The title a section shows: a standard section still named as the template
 * named it (in any language) follows the user's language; a renamed one
 * keeps the user's words.
 */
export function shownTitle(templateKey: SectionKey | null, title: string, standard: (key: SectionKey) => string): string {
  if (!templateKey || !SECTION_KEYS.includes(templateKey)) return title;
  return Object.values(i18n).some((l) => l.sections[templateKey] === title) ? standard(templateKey) : title;
}
