export const CLIENT_STATUSES = ['prospect', 'active', 'dormant', 'lost'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export const CONTACT_LEVELS = ['owner', 'executive', 'finance', 'purchasing', 'staff'] as const;
export type ContactLevel = (typeof CONTACT_LEVELS)[number];

export const INTERACTION_KINDS = ['call', 'visit', 'meeting', 'email', 'lunch'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const CONTACT_CHANNELS = ['phone', 'email', 'visit', 'messenger', 'letter'] as const;

export const FIELD_KINDS = ['text', 'number', 'select', 'list', 'boolean'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];
