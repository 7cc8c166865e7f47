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
