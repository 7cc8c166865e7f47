import type { z } from 'zod';
import type * as s from './schemas';

export interface Stamps {
  id: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export type ProfileValue = z.output<typeof s.profileValue>;
export type Client = Stamps & z.output<typeof s.clientCreate>;
export type Contact = Stamps & z.output<typeof s.contactCreate>;
export type Purchase = Stamps & Omit<z.output<typeof s.purchaseCreate>, 'amount'> & { amount: number };
export type Interaction = Stamps & z.output<typeof s.interactionCreate>;
export type Task = Stamps & z.output<typeof s.taskCreate>;
export type Manager = Stamps & z.output<typeof s.managerCreate>;
export type Department = Stamps & z.output<typeof s.departmentCreate>;

export interface ClientTypeField extends Stamps {
  typeId: number;
  key: string;
  label: string;
  kind: z.output<typeof s.fieldCreate>['kind'];
  options: string[];
  position: number;
}

export interface ClientType extends Stamps {
  key: string;
  name: string;
  fields: ClientTypeField[];
}

/** For pickers: every active client, cheaper than the grid's rows. */
export interface ClientName {
  id: number;
  name: string;
}

/** One row of the clients grid: the client plus figures computed from its purchases. */
export interface ClientRow {
  id: number;
  code: string | null;
  name: string;
  type: string | null;
  status: Client['status'];
  manager: string | null;
  department: string | null;
  country: string | null;
  revenue12m: number;
  /** Fraction 0–1 of all clients' revenue in the same 12 months. */
  share12m: number;
  purchaseCount: number;
  firstPurchase: string | null;
  lastPurchase: string | null;
  daysSinceLastPurchase: number | null;
  archived: boolean;
}

/** One choice in a client picker. */
export interface ClientOption {
  id: number;
  name: string;
  code: string | null;
  city: string | null;
  archived: boolean;
}

export type AbcClassName = 'A' | 'B' | 'C';
export type RiskBandName = 'normal' | 'key' | 'widen' | 'danger' | 'critical';

/** Why a client is key: a share of some revenue, or a flag the user set. */
export interface KeyReasonInfo {
  kind: 'company' | 'department' | 'manager' | 'potential' | 'reputation' | 'innovator' | 'demanding';
  /** Fraction 0–1, for the share reasons. */
  share?: number;
  /** The department's or manager's name, for those reasons. */
  of?: string;
}

/** Where a client stands in the key-account analysis of the last 12 months (company scope). */
export interface ClientStanding {
  id: number;
  abc: AbcClassName | null;
  band: RiskBandName | null;
  /** Fraction 0–1 of company revenue in the period. */
  share: number;
  keyReasons: KeyReasonInfo[];
  nextTask: { id: number; title: string; dueDate: string } | null;
}

/** What the client page tells at a glance. */
export interface ClientStory {
  id: number;
  asOf: string;
  lifetimeRevenue: number;
  /** Purchase lines, credit notes included (what the purchases tab lists). */
  lines: number;
  /** Distinct days with a purchase (what the clients grid counts). */
  purchaseDays: number;
  firstPurchase: string | null;
  lastPurchase: string | null;
  daysSinceLastPurchase: number | null;
  /** Revenue per calendar month (YYYY-MM), from the first purchase to the last, months without revenue included. */
  months: { month: string; revenue: number }[];
  years: { year: string; revenue: number }[];
  /** The best-selling products over the client's life, with the rest gathered in `otherRevenue`. */
  products: { product: string | null; revenue: number; share: number; lines: number }[];
  otherRevenue: number;
  otherProducts: number;
  standing: Omit<ClientStanding, 'id' | 'nextTask'>;
  lastContact: { date: string; kind: string; summary: string; contact: string | null } | null;
  nextTask: { id: number; title: string; dueDate: string; overdue: boolean } | null;
  openTasks: number;
}

/** Why two clients look like the same business. */
export type DuplicateReason = 'taxId' | 'email' | 'name' | 'similarName';

export interface DuplicateSide {
  id: number;
  name: string;
  code: string | null;
  taxId: string | null;
  email: string | null;
  city: string | null;
  purchases: number;
  contacts: number;
  interactions: number;
  tasks: number;
  createdAt: string;
}

export interface DuplicatePair {
  /** The client to keep by default: the one with more history. */
  keep: DuplicateSide;
  merge: DuplicateSide;
  reasons: DuplicateReason[];
}

/** What a merge moved, kept for the record. */
export interface MergeRecord {
  at: string;
  keptId: number;
  keptName: string;
  mergedId: number;
  mergedName: string;
  mergedCode: string | null;
  /** Rows moved to the kept client, per table ("purchases": 12). */
  moved: Record<string, number>;
  /** Rows that could not move (the kept client already has its own: one dossier per client…) and stay with the archived duplicate. */
  stayed: Record<string, number>;
  /** The kept client's empty fields filled from the duplicate. */
  filled: string[];
}

export interface DuplicatesReport {
  pairs: DuplicatePair[];
  /** Pairs found beyond those listed. */
  more: number;
  merges: MergeRecord[];
  clients: number;
}

/**
 * The clients grid as columns: one array per field, texts that repeat (type,
 * manager, department, country, status) as indexes into `dict`, dates as day
 * numbers. A few megabytes for 50,000 clients instead of 50,000 objects, so
 * it crosses IPC and the structured clone quickly; the renderer builds the
 * rows (clientColumns.ts: gridRows).
 */
export interface ClientsGrid {
  /** Which grid this is (the store's state, the date, archived clients or not): clients.gridRanks answers for one. */
  stamp: string;
  asOf: string;
  /** Revenue of the active clients in the 12 months, in cents: the denominator of every share. */
  totalCents: number;
  /** Rows sent. */
  count: number;
  /** Rows in the whole grid: more than `count` when only the first rows were asked for. */
  total: number;
  dict: { type: string[]; status: string[]; manager: string[]; department: string[]; country: string[] };
  columns: {
    id: number[];
    code: (string | null)[];
    name: string[];
    /** Indexes into `dict`, -1 for none. */
    type: number[];
    status: number[];
    manager: number[];
    department: number[];
    country: number[];
    /** Revenue over the 12 months up to asOf, in cents (the grid shows it to the cent). */
    revenueCents: number[];
    purchaseCount: number[];
    /** Days since 1970-01-01, -1 for none. */
    firstPurchase: number[];
    lastPurchase: number[];
    archived: (0 | 1)[];
  };
}
