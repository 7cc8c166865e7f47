import type { ConvertedRow } from '../../../shared/features/import/convert';
import { message } from '../../../shared/i18n/messages';
import type { Db } from '../../db/connection';
import { importWriters, purchaseLineKeys } from './repository';
import { purchaseAmount } from '../accounts';
import { MAX_AMOUNT } from '../../../shared/kernel/schema-parts';
import { FieldHash, HashCounter } from './line-hash';
import { LineSet, lineKeysInMemory } from './line-set';
import { LineSpill } from './line-spill';
import { clientResolver } from './resolve-client';
import type { PurchaseSink, RowHandler, RunOptions } from './row-types';

/** Cancellation marks in a status column, in the app's languages; "C123" invoices are cancellations in many ERP exports. */
const CANCELLED_STATUS = /cancel|storno|sztorn|void|annul|törölt|stornuota|anuliuota|atšaukt|ยกเลิก|отмен|аннул|сторно/i;
const CANCELLED_INVOICE = /^C\d+$/i;

const NO_AMOUNT = message('import:reasons.noAmount');
const TOO_LARGE = message('import:reasons.amountTooLarge');

/** Lines taken back at once, when a long file's repeats are found at its end. */
const DROP_BATCH = 16_384;

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));

// Seeds that keep a line of a known client apart from the same line of a client this file creates.
const KNOWN = 1;
const NEW = 2;

/** The fields a duplicate is judged by, after the client; the key is in the hash's hi and lo words. */
const lineFields = (h: FieldHash, date: string, invoice: string | null, product: string | null, quantity: number, amount: number) =>
  h.text(date).text(invoice).text(product).number(quantity).number(amount).finish();

export function purchaseRowHandler(db: Db, opts: RunOptions, expectedRows = 0): RowHandler {
  const writers: PurchaseSink | null = opts.write ? opts.sink ?? importWriters(db, opts.importId) : null;
  const clients = clientResolver(db, opts, writers);
  const h = new FieldHash();
  // Lines already stored, per client read on its first line in the file; one table for all clients.
  const stored = new HashCounter();
  const storedRead = new Set<number>();
  const seenInFile = new LineSet(expectedRows, lineKeysInMemory());
  // Keys past what the set holds; made on the first such line.
  let spill: LineSpill | null = null;
  // Lines taken so far (added, or identical and kept): when writing, a line's place among those written.
  let taken = 0;

  const readStored = (clientId: number) => {
    storedRead.add(clientId);
    for (const l of purchaseLineKeys(db, clientId)) {
      const k = lineFields(h.start(KNOWN).number(clientId), l.date, l.invoice, l.product, l.quantity, l.amount);
      stored.add(k.hi, k.lo);
    }
  };

  return {
    flush: () => writers?.flush(),
    finish(summary, isCancelled) {
      if (!spill) return;
      let drop: number[] = [];
      spill.settle((line, quantity, amount) => {
        summary.identical++;
        if (!opts.dropIdentical) return;
        // As a line the set had seen would have been: counted as identical, not taken, not written.
        summary.added--;
        summary.dropped++;
        summary.quantity -= quantity;
        summary.amount -= amount;
        if (amount < 0 || quantity < 0) summary.creditLines--;
        if (writers) {
          drop.push(line);
          if (drop.length === DROP_BATCH) writers.drop(drop), (drop = []);
        }
      }, isCancelled);
      if (drop.length) writers!.drop(drop);
      spill = null;
    },
    close: () => spill?.close(),
    counts: clients.counts,
    handle(row: ConvertedRow, write: boolean) {
      const v = row.values;
      const client = clients.resolve(v.client, v.clientName, write);
      if ('rejected' in client) return { action: 'reject', reason: client.rejected };
      const { id: clientId, known, key } = client;
      let quantity = typeof v.quantity === 'number' ? v.quantity : 1;
      const unitPrice = typeof v.unitPrice === 'number' ? v.unitPrice : null;
      let amount = typeof v.amount === 'number' ? v.amount : unitPrice !== null ? purchaseAmount({ quantity, unitPrice, amount: null }) : null;
      if (amount === null) return { action: 'reject', reason: NO_AMOUNT };
      if (!Number.isFinite(amount) || Math.abs(amount) > MAX_AMOUNT || Math.abs(quantity) > MAX_AMOUNT) return { action: 'reject', reason: TOO_LARGE };
      const invoice = str(v.invoice);
      const status = str(v.status);
      if ((status !== null && CANCELLED_STATUS.test(status)) || (invoice !== null && CANCELLED_INVOICE.test(invoice))) {
        quantity = -Math.abs(quantity);
        amount = -Math.abs(amount);
      }
      const date = v.date as string;
      const product = str(v.product);
      // Copied out: reading a client's stored lines below reuses the hash.
      const { hi, lo } = lineFields(known ? h.start(KNOWN).number(clientId!) : h.start(NEW).text(key), date, invoice, product, quantity, amount);
      const seen = seenInFile.add(hi, lo);
      if (known) {
        if (!storedRead.has(clientId!)) readStored(clientId!);
        if (stored.take(hi, lo)) {
          if (seen === null) (spill ??= new LineSpill()).add(hi, lo, -1, quantity, amount);
          return { action: 'duplicate' };
        }
      }
      if (seen && opts.dropIdentical) return { action: 'dropped' };
      if (write && writers) {
        writers.purchase(clientId!, date, invoice, product, str(v.description), quantity, unitPrice, amount, str(v.currency));
      }
      // Not in the set, which is full: taken as new for now, judged again at the end (finish).
      if (seen === null) (spill ??= new LineSpill()).add(hi, lo, taken, quantity, amount);
      taken++;
      return { action: seen ? 'identical' : 'add', quantity, amount, credit: amount < 0 || quantity < 0 };
    },
  };
}
