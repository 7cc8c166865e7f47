import { z } from 'zod';
import { command, empty, listAll, query, records } from '../../contract/define';
import { id } from '../../kernel/schema-parts';
import { discountCreate, discountUpdate } from './schemas';
import { analyticsSettingsSchema, type AnalyticsSettings } from './settings';
import { reportInput, whatIfInput, type AccountsReport, type AnalyticsReport, type SupplierDiscount, type WhatIfResult } from './types';

/** Every key-account figure is computed from these. */
const FIGURES = ['clients', 'purchases', 'org', 'analyticsSettings'] as const;

export const analyticsContract = {
  ...records<SupplierDiscount>()('discounts', listAll, discountCreate, discountUpdate, ['discounts']),
  'analytics.settings': query<AnalyticsSettings>(['analyticsSettings'])(empty),
  'analytics.saveSettings': command<AnalyticsSettings>(['analyticsSettings'])(analyticsSettingsSchema),
  'analytics.report': query<AnalyticsReport>(FIGURES)(reportInput),
  'analytics.accounts': query<AccountsReport>([...FIGURES, 'contacts', 'interactions'])(reportInput),
  'analytics.whatIf': query<WhatIfResult>([...FIGURES, 'discounts'])(whatIfInput),
  /** The report as an .xlsx workbook, base64; the renderer saves it as a download. */
  'analytics.workbook': query<{ fileName: string; base64: string }>()(
    z.strictObject({ report: reportInput, whatIfClientIds: z.array(id).max(500).default([]) }),
  ),
} as const;
