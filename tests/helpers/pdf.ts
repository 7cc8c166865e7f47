import type { Browser } from 'playwright-core';
import type { Platform } from '../../electron/platform';

/**
 * The platform's printToPdf as the tests give it: the same Chromium print
 * engine Electron uses, through Playwright (a fresh page per document).
 */
export function chromiumPrintToPdf(browser: Browser): Platform['printToPdf'] {
  return async (html, opts = {}) => {
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        landscape: opts.landscape ?? false,
        printBackground: true,
        displayHeaderFooter: Boolean(opts.headerTemplate || opts.footerTemplate),
        headerTemplate: opts.headerTemplate ?? '<span></span>',
        footerTemplate: opts.footerTemplate ?? '<span></span>',
        format: 'A4',
      });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  };
}
