import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { stamps } from '../../db/columns';

/**
 * Volume discounts our suppliers grant us. A tier applies while our sales of the
 * product group over a year reach the threshold quantity; losing a client can
 * drop the volume under a tier and raise what we pay for every unit.
 */
export const supplierDiscounts = sqliteTable('supplier_discounts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  supplier: text('supplier').notNull(),
  // Matched against the start of each purchase line's product (case-insensitive); empty means every product.
  productGroup: text('product_group').notNull().default(''),
  thresholdQuantity: real('threshold_quantity').notNull(),
  discountPct: real('discount_pct').notNull(),
  // What one unit costs us before any discount.
  listUnitCost: real('list_unit_cost').notNull(),
  ...stamps,
});
