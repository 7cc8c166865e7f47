import { z } from 'zod';
import { command, empty, listAll, query, records } from '../../contract/define';
import { id } from '../../kernel/schema-parts';
import { discountCreate, discountUpdate } from './schemas';
import { analyticsSettingsSchema, type AnalyticsSettings } from './settings';
import type { PackedReport } from './packing';
import { reportInput, whatIfInput, type AccountsReport, type AnalyticsReport, type SupplierDiscount, type WhatIfResult } from './types';

/** Every key-account figure is computed from these. */
const FIGURES = ['clients', 'purchases', 'org', 'analyticsSettings'] as const;

export const analyticsContract = {
  ...records<SupplierDiscount>()('discounts', listAll, discountCreate, discountUpdate, ['discounts']),
  'analytics.settings': query<AnalyticsSettings>(['analyticsSettings'])(empty),
  'analytics.saveSettings': command<AnalyticsSettings>(['analyticsSettings'])(analyticsSettingsSchema),
  'analytics.report': query<AnalyticsReport>(FIGURES)(reportInput),
  /** The same report with its rows as columns (unpackReport gives the rows back): what the window loads, a tenth of the cloning. */
  'analytics.reportColumns': query<PackedReport>(FIGURES)(reportInput),
  'analytics.accounts': query<AccountsReport>([...FIGURES, 'contacts', 'interactions'])(reportInput),
  'analytics.whatIf': query<WhatIfResult>([...FIGURES, 'discounts'])(whatIfInput),
  /** Starts the report workbook as a job (a worker writes it, with progress and cancel); its outcome names a token for workbookFile. */
  'analytics.workbook': query<{ jobId: string }>()(
    z.strictObject({ report: reportInput, whatIfClientIds: z.array(id).max(500).default([]) }),
  ),
  /** The finished workbook, base64, once: the renderer saves it as a download. */
  'analytics.workbookFile': query<{ fileName: string; base64: string }>()(z.strictObject({ token: z.string().uuid() })),
} as const;
