import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { ImportResult, ImportSpec, ImportSummary } from '../../../shared/features/import/types';
import { missingFieldsList } from '../../../shared/features/import/messages';
import type { Db } from '../../db/connection';
import { AppError, Cancelled } from '../../errors';
import type { JobControl } from '../../jobs/registry';
import { getSettings } from '../settings';
import { resolve, type Resolved } from './analyse';
import { recallMapping, rememberMapping } from './remembered';
import { applyMapOverrides } from './overrides';
import { BULK_FROM, createImportRecord, nextId, finishImportRecord, importWriters, PURCHASE_BATCH, PURCHASE_PARAMS, purchaseIndexDefinitions } from './repository';
import { runRows, type RunHooks } from './run';
import type { PurchaseSink } from './row-types';
import { readerThread, type ProduceArgs, type ReaderRunner } from './reader-thread';
import type { FileInfo, TableSource } from './table-source';
import { formatOf } from './source';

/**
 * A large purchases file on two threads. The thread that holds the write
 * transaction only writes; a second one reads the file and judges every line
 * (the same runRows as everywhere, with a sink instead of the database) and
 * hands over what to write in batches. SQLite's work and the parsing then
 * overlap instead of adding up. The second thread reads through its own
 * connection, and the write lock is taken before it starts, so it sees
 * exactly the database the transaction started from; nothing it does writes.
 */

/** From this file size the second thread pays for its start-up (about half a second). */
export const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;
/**
 * The writer's page cache while it appends: new pages go to the log as the
 * cache fills either way, so a big one buys nothing but memory (measured on
 * 1M lines: 8 MB as fast as 64 MB, 60 MB less at the peak). The reader
 * keeps the usual cache: it reads known clients' lines client by client,
 * all over the table.
 */
const IMPORT_CACHE_KB = 8192;
/** Statements' worth of lines in one handover. */
const CHUNKS_PER_BATCH = 16;
/** Batches handed over but not yet written, at most: the reader waits beyond this, so memory stays flat. */
const IN_FLIGHT = 6;
// Indexes into the shared gate.
const SENT = 0;
const WRITTEN = 1;
const STOP = 2;

export type Handover =
  | { kind: 'file'; file: FileInfo; sheet: string | null; approxRows: number; resolved: Pick<Resolved, 'kind' | 'headerRow' | 'headers' | 'mapping'> }
  /**
   * `clients`: [code, name] pairs to create first, in order: they get ids
   * `firstClientId`, +1, … (the writer checks). `chunks`: the lines, each
   * chunk one INSERT's parameters as the writer binds them, unchanged (the
   * lines' values in importWriters' order; only the last chunk is short).
   */
  | { kind: 'batch'; clients: (string | null)[]; chunks: unknown[][] }
  /** Lines already handed over to take back (a long file's repeats, found at its end), by their place among the lines. */
  | { kind: 'drop'; lines: number[] };

export type { ProduceArgs } from './reader-thread';

/** The worker entry this code can start a second thread from, if any (none in a plain test process). */
export function workerEntry(): string | null {
  if (__filename.endsWith('.ts')) return join(__dirname, '..', '..', 'jobs', 'worker.ts');
  const main = !isMainThread ? require.main?.filename : undefined;
  if (main && /worker\.[cm]?js$/.test(main)) return main;
  const beside = join(__dirname, '..', 'worker.js');
  return existsSync(beside) ? beside : null;
}

/**
 * CSV only: an .xlsx's cells are read by exceljs's parser, slower than the
 * writer, so a second thread only adds its start-up and the handover (100,000
 * rows: 3.9 s and 288–307 MB on two threads, 2.9–3.5 s and 253–280 MB on one).
 */
export function wantsParallel(spec: ImportSpec): boolean {
  if (spec.kind !== 'purchases') return false;
  try {
    return formatOf(spec.path) === 'csv' && statSync(spec.path).size >= PARALLEL_FROM_BYTES;
  } catch {
    return false;
  }
}

/** The reading thread's half: judge every line, hand over the writes. */
export function produce(db: Db, table: TableSource, args: ProduceArgs, ctl: JobControl): ImportSummary {
  const gate = new Int32Array(args.gate);
  const locale = getSettings(db).locale;
  const spec = applyMapOverrides(table, recallMapping(db, table, args.spec).spec, locale, args.map);
  const r = resolve(table, spec, locale);
  if (r.missingFields.length) throw new AppError('invalid_input', 'import:errors.mapFirst', { fields: missingFieldsList(r.missingFields) });
  const send = (m: Handover) => {
    // Wait while the writer is behind, waking to see a stop.
    for (;;) {
      const written = Atomics.load(gate, WRITTEN);
      if (Atomics.load(gate, STOP)) throw new Cancelled('import:theImport');
      if (Atomics.load(gate, SENT) - written < IN_FLIGHT) break;
      Atomics.wait(gate, WRITTEN, written, 200);
    }
    Atomics.add(gate, SENT, 1);
    ctl.onProgress(m as never);
  };
  send({ kind: 'file', file: table.file, sheet: table.sheet, approxRows: table.approxRows, resolved: { kind: r.kind, headerRow: r.headerRow, headers: r.headers, mapping: r.mapping } });
  let clients: (string | null)[] = [];
  // Filled with push (never preallocated): a packed array is cloned to the other thread as a plain list, a holey one as index-value pairs.
  let chunk: unknown[] = [];
  let chunks: unknown[][] = [];
  let made = 0;
  const hand = () => {
    if (chunks.length || clients.length) send({ kind: 'batch', clients, chunks });
    clients = [];
    chunks = [];
  };
  const CHUNK = PURCHASE_BATCH * PURCHASE_PARAMS;
  const sink: PurchaseSink = {
    client(v) {
      clients.push(v.code, v.name);
      return args.firstClientId + made++;
    },
    purchase(clientId, date, invoice, product, description, quantity, unitPrice, amount, currency) {
      chunk.push(clientId, date, invoice, product, description, quantity, unitPrice, amount, currency);
      if (chunk.length === CHUNK) {
        chunks.push(chunk);
        chunk = [];
        if (chunks.length === CHUNKS_PER_BATCH) hand();
      }
    },
    flush() {
      if (chunk.length) chunks.push(chunk);
      chunk = [];
      hand();
    },
    drop(lines) {
      send({ kind: 'drop', lines });
    },
  };
  // importId -1: this thread writes nothing and needs no id; the resolver only needs to know it may create clients.
  const opts = { write: true, importId: -1, createClients: spec.createClients, dropIdentical: spec.dropIdentical, sink };
  const hooks: RunHooks = { isCancelled: () => ctl.isCancelled() || Atomics.load(gate, STOP) === 1 };
  return runRows(db, table, r, opts, hooks).summary;
}

/**
 * The writing thread's half: one transaction, as commitImport, around the
 * batches the reader hands over. `runTask` starts the reader (a worker).
 */
export async function commitInParallel(db: Db, spec: ImportSpec, map: string[], hooks: RunHooks, runTask: ReaderRunner): Promise<ImportResult> {
  const gateBuffer = new SharedArrayBuffer(12);
  const gate = new Int32Array(gateBuffer);
  const queue: Handover[] = [];
  const state: { wake: () => void; outcome: { summary: ImportSummary } | { error: unknown } | null } = { wake: () => {}, outcome: null };
  // As withImportSettings, around a transaction that awaits: foreign keys cannot be switched inside one.
  const cacheBefore = db.sqlite.pragma('cache_size', { simple: true }) as number;
  db.sqlite.pragma(`cache_size = -${IMPORT_CACHE_KB}`);
  db.sqlite.pragma('foreign_keys = OFF');
  try {
    db.sqlite.prepare('BEGIN IMMEDIATE').run();
    try {
      // The id SQLite's AUTOINCREMENT gives the next client: with the write lock held, nobody else can take it.
      const firstClientId = nextId(db, 'clients');
      const reader = runTask(db, 'import.produce', { spec, map, gate: gateBuffer, firstClientId }, {
        onProgress: (m) => (queue.push(m as unknown as Handover), state.wake()),
        isCancelled: () => hooks.isCancelled?.() ?? false,
        cancelled: new Promise(() => {}),
      });
      reader.then((summary) => ((state.outcome = { summary }), state.wake()), (error: unknown) => ((state.outcome = { error }), state.wake()));
      let importId = 0;
      let remember: Extract<Handover, { kind: 'file' }> | null = null;
      let writers: ReturnType<typeof importWriters> | null = null;
      let rebuild: { name: string; sql: string }[] = [];
      let nextClientId = firstClientId;
      let total = 0;
      let written = 0;
      for (;;) {
        for (let m = queue.shift(); m; m = queue.shift()) {
          if (m.kind === 'file') {
            remember = m;
            importId = createImportRecord(db, { kind: spec.kind, fileName: m.file.name, fileHash: m.file.hash, fileSize: m.file.size });
            writers = importWriters(db, importId);
            total = m.approxRows;
            rebuild = m.approxRows >= BULK_FROM ? purchaseIndexDefinitions(db) : [];
            for (const ix of rebuild) db.sqlite.exec(`DROP INDEX "${ix.name}"`);
          } else if (m.kind === 'drop') {
            writers!.drop(m.lines);
          } else {
            for (let i = 0; i < m.clients.length; i += 2) {
              const id = writers!.client({ code: m.clients[i], name: m.clients[i + 1] }, importId);
              if (id !== nextClientId++) throw new Error(`client ${m.clients[i]} got id ${id}, the reader gave its lines ${nextClientId - 1}`);
            }
            for (const c of m.chunks) {
              writers!.purchaseChunk(c);
              written += c.length / PURCHASE_PARAMS;
            }
            hooks.onProgress?.({ phase: 'writing', done: written, total: Math.max(total, written) });
          }
          Atomics.add(gate, WRITTEN, 1);
          Atomics.notify(gate, WRITTEN);
        }
        if (hooks.isCancelled?.()) Atomics.store(gate, STOP, 1);
        if (state.outcome) break;
        // Woken by the next batch or the reader's end; the timer only looks for a cancel.
        await new Promise<void>((r) => {
          const timer = setTimeout(r, 100);
          state.wake = () => (clearTimeout(timer), r());
        });
      }
      const done = state.outcome;
      if ('error' in done) throw done.error;
      writers?.flush();
      if (rebuild.length) hooks.onProgress?.({ phase: 'writing', done: written, total: written });
      for (const ix of rebuild) db.sqlite.exec(ix.sql);
      const summary = done.summary;
      let result: ImportResult;
      if (summary.added + summary.updated === 0) {
        db.sqlite.prepare(`DELETE FROM imports WHERE id = ?`).run(importId);
        result = { ...summary, importId: null };
      } else {
        finishImportRecord(db, importId, summary);
        if (remember) rememberMapping(db, remember.file.name, remember.sheet, remember.resolved);
        result = { ...summary, importId };
      }
      // run(), not get(): a commit-time failure (a full disk) must throw.
      db.sqlite.prepare('COMMIT').run();
      return result;
    } catch (err) {
      Atomics.store(gate, STOP, 1);
      Atomics.notify(gate, WRITTEN);
      if (db.sqlite.inTransaction) db.sqlite.prepare('ROLLBACK').run();
      throw err;
    }
  } finally {
    db.sqlite.pragma(`cache_size = ${cacheBefore}`);
    db.sqlite.pragma('foreign_keys = ON');
  }
}

/** The reader runs in a worker like the writer, with the same native SQLite build. */
export function readerRunner(nativeBinding?: string): ReaderRunner | null {
  const entry = workerEntry();
  return entry ? readerThread(entry, nativeBinding) : null;
}
