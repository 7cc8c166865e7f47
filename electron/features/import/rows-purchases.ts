import type { ConvertedRow } from '../../../shared/features/import/convert';
import { message } from '../../../shared/i18n/messages';
import type { Db } from '../../db/connection';
import { importWriters, purchaseLineKeys } from './repository';
import { purchaseAmount } from '../accounts';
import { MAX_AMOUNT } from '../../../shared/kernel/schema-parts';
import { hash53, HashCounter } from './line-hash';
import { clientResolver } from './resolve-client';
import type { RowHandler, RunOptions } from './row-types';

/** Cancellation marks in a status column, in the app's languages; "C123" invoices are cancellations in many ERP exports. */
const CANCELLED_STATUS = /cancel|storno|sztorn|void|annul|törölt|stornuota|anuliuota|atšaukt|ยกเลิก|отмен|аннул|сторно/i;
const CANCELLED_INVOICE = /^C\d+$/i;

const NO_AMOUNT = message('import:reasons.noAmount');
const TOO_LARGE = message('import:reasons.amountTooLarge');

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));

function lineKey(date: string, invoice: string | null, product: string | null, quantity: number, amount: number): string {
  return `${date}|${invoice ?? ''}|${product ?? ''}|${quantity}|${amount}`;
}

export function purchaseRowHandler(db: Db, opts: RunOptions): RowHandler {
  const writers = opts.write ? importWriters(db) : null;
  const clients = clientResolver(db, opts, writers);
  const existing = new Map<number, Map<string, number>>();
  const seenInFile = new HashCounter();

  const existingFor = (clientId: number) => {
    let m = existing.get(clientId);
    if (!m) {
      m = new Map();
      for (const l of purchaseLineKeys(db, clientId)) {
        const k = lineKey(l.date, l.invoice, l.product, l.quantity, l.amount);
        m.set(k, (m.get(k) ?? 0) + 1);
      }
      existing.set(clientId, m);
    }
    return m;
  };

  return {
    flush: () => writers?.flush(),
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
      if (CANCELLED_STATUS.test(str(v.status) ?? '') || CANCELLED_INVOICE.test(invoice ?? '')) {
        quantity = -Math.abs(quantity);
        amount = -Math.abs(amount);
      }
      const date = v.date as string;
      const product = str(v.product);
      const lk = lineKey(date, invoice, product, quantity, amount);
      const fileKey = hash53(`${known ? clientId : `new:${key}`}|${lk}`);
      const seen = seenInFile.add(fileKey);
      if (known) {
        const ex = existingFor(clientId!);
        const c = ex.get(lk);
        if (c) {
          ex.set(lk, c - 1);
          return { action: 'duplicate' };
        }
      }
      if (seen > 0 && opts.dropIdentical) return { action: 'dropped' };
      if (write && writers) {
        writers.purchase(clientId!, date, invoice, product, str(v.description), quantity, unitPrice, amount, str(v.currency), opts.importId!);
      }
      return { action: seen > 0 ? 'identical' : 'add', quantity, amount, credit: amount < 0 || quantity < 0 };
    },
  };
}
