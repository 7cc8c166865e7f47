import type { z } from 'zod';
import type { Contract } from '../shared/contract';
import type { ChannelDef } from '../shared/contract/define';
import type { Db } from './db/connection';

type Output<D> = D extends { output?: infer O } ? Exclude<O, undefined> : never;

/**
 * One handler per channel of a contract part. Commands run inside a
 * transaction, which cannot span an await: their handlers must be synchronous.
 */
export type HandlersOf<C extends Record<string, ChannelDef<z.ZodType, unknown>>> = {
  [K in keyof C]: C[K]['kind'] extends 'command'
    ? (db: Db, input: z.output<C[K]['input']>) => Output<C[K]>
    : (db: Db, input: z.output<C[K]['input']>) => Output<C[K]> | Promise<Output<C[K]>>;
};

export type Handlers = HandlersOf<Contract>;

type Verb = 'list' | 'create' | 'update' | 'archive' | 'restore';
interface RecordHandlerSource {
  list: (db: Db, input: never) => unknown;
  create: (db: Db, input: never) => unknown;
  update: (db: Db, input: never) => unknown;
  archive: (db: Db, input: never) => unknown;
  restore: (db: Db, input: never) => unknown;
}

/** The five channels of a record type, served by its recordService; the contract types them. */
export function recordHandlers<N extends string>(name: N, service: RecordHandlerSource) {
  const verbs: Verb[] = ['list', 'create', 'update', 'archive', 'restore'];
  return Object.fromEntries(verbs.map((v) => [`${name}.${v}`, service[v]])) as unknown as Pick<Handlers, Extract<`${N}.${Verb}`, keyof Handlers>>;
}
