import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/db/connection';
import { openDatabase } from '../../electron/db/migrate';
import { findMigrationsFolder } from '../../electron/db/migrations-path';
import { createHandlers } from '../../electron/app';
import { createRouter } from '../../electron/router';
import { LANGUAGES, resources, type Language } from '../../shared/i18n';
import { DEFAULT_LOCALE, defaultCalendar } from '../../shared/kernel/app-settings';
import { launchChromium, openApp, SCREENSHOT_DIR, TEST_ORIGIN } from '../helpers/browser';
import { routerCalls } from '../helpers/router';
import { tempDirOutsideTest } from '../helpers/tmp';
import { strayLatinWords } from '../app/same-as-english';

/**
 * Every screen in every language, as a user of that language sees it: no
 * translation key shown raw, no key missing in every language, no English
 * string from the resources left where the language has its own, and for the
 * scripts that are not Latin no English word on a button, tab, label or
 * column header. Screenshots of the main screens land in tests/output.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * A base as a user of this language gets it: the language chosen first, then
 * the demo loaded, so what the demo writes in words (types, departments,
 * tasks) is in that language; names of people and companies are data.
 */
async function demoBase(lang: Language): Promise<{ db: Db; firstClientId: number; names: string[] }> {
  const db = openDatabase(join(tempDirOutsideTest(), `languages-${lang}.db`), findMigrationsFolder());
  const locale = DEFAULT_LOCALE[lang];
  await routerCalls(db).call('settings.update', { language: lang, locale, calendar: defaultCalendar(locale) });
  await routerCalls(db).call('app.loadDemo', { seed: 7, clients: 60 });
  const firstClientId = (db.sqlite.prepare(`SELECT id FROM clients WHERE status = 'active' ORDER BY id LIMIT 1`).get() as { id: number }).id;
  const names = (db.sqlite.prepare(`SELECT name FROM clients UNION SELECT name FROM contacts UNION SELECT name FROM managers`).all() as { name: string }[])
    .map((r) => r.name)
    .sort((a, b) => b.length - a.length);
  return { db, firstClientId, names };
}

function flatten(tree: unknown, out: string[] = []): string[] {
  if (typeof tree === 'string') out.push(tree);
  else if (tree && typeof tree === 'object') for (const v of Object.values(tree)) flatten(v, out);
  return out;
}

const NAMESPACES = Object.keys(resources.en);
const RAW_KEY = new RegExp(`\\b(${NAMESPACES.join('|')}):[a-zA-Z][\\w]*(\\.[\\w]+)+`);

/** English strings of the resources this language says differently: seeing one on screen means a string was not translated. */
function englishOnly(lang: Language): { exact: Set<string>; patterns: RegExp[] } {
  const own = new Set(flatten(resources[lang]).map((s) => s.trim()));
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const value of flatten(resources.en)) {
    const v = value.trim();
    if (own.has(v) || !/[A-Za-z]{3}/.test(v) || v.length < 4) continue;
    if (!v.includes('{{')) exact.add(v);
    else {
      const parts = v.split(/\{\{[^}]+\}\}/);
      // Only sentences whose fixed words are long enough to be told apart from data.
      // and at least two words: "{{n}} interactions" is French too.
      if (parts.join('').replace(/[^A-Za-z]/g, '').length < 10 || (parts.join(' ').match(/[A-Za-z]{3,}/g) ?? []).length < 2) continue;
      patterns.push(new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?')}$`));
    }
  }
  return { exact, patterns };
}

interface Seen { text: string; chrome: boolean }

/** Every text node and labelling attribute on the page; `chrome` marks what the app itself wrote (buttons, tabs, labels, headers). */
async function textsOnScreen(page: Page): Promise<Seen[]> {
  return page.evaluate(() => {
    const CHROME = 'button, label, nav a, [role=tab], .ag-header-cell-text, legend, th, summary, h2, h3';
    const out: { text: string; chrome: boolean }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      const el = n.parentElement;
      // Only what the user can see: ag-grid keeps hidden panels (paging, menus) in the page.
      if (!text || !el || el.closest('script, style, [hidden]') || !el.checkVisibility()) continue;
      out.push({ text, chrome: !!el.closest(CHROME) && !el.closest('.ag-cell, a[href*="clients/"]') });
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (!el.checkVisibility()) continue;
      for (const attr of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(attr)?.trim();
        if (v) out.push({ text: v, chrome: true });
      }
    }
    return out;
  });
}

/** Waits until the screen stops changing (queries answered, charts drawn). */
async function settle(page: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 25; i++) {
    await page.waitForTimeout(200);
    const now = await page.evaluate(() => document.body.innerText);
    if (now === last && now.length > 0) return;
    last = now;
  }
}

function check(lang: Language, where: string, seen: Seen[], problems: string[], names: string[]): void {
  const { exact, patterns } = englishOnly(lang);
  for (const { text: shown, chrome } of seen) {
    const text = shown;
    if (RAW_KEY.test(text)) problems.push(`${where}: raw key "${text}"`);
    if (lang === 'en') continue;
    if (exact.has(text) || patterns.some((p) => p.test(text))) problems.push(`${where}: English "${text}"`);
    if ((lang === 'th' || lang === 'ru') && chrome) {
      // A person's or a company's name is data, in whatever letters it was written.
      let words = text;
      for (const name of names) if (words.includes(name)) words = words.split(name).join(' ');
      const latin = strayLatinWords(words);
      if (latin.length) problems.push(`${where}: Latin words on ${lang} chrome "${text}"`);
    }
  }
}

describe.each(LANGUAGES.map((lang) => ({ lang })))('the app in $lang', ({ lang }) => {
  it('shows no raw key, no missing key and no untranslated string on any screen', async () => {
    const locale = DEFAULT_LOCALE[lang];
    const { db, firstClientId, names } = await demoBase(lang);
    const { page } = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })), { locale });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('i18n: missing key')) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${TEST_ORIGIN}/index.html#/clients`);
    await settle(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);

    const screens = await page.locator('nav a[href^="#/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') as string));
    expect(screens.length).toBeGreaterThanOrEqual(5);
    for (const screen of [...screens, `#/clients/${firstClientId}`]) {
      await page.evaluate((h) => (window.location.hash = h), screen);
      await settle(page);
      check(lang, screen, await textsOnScreen(page), problems, names);
      const name = screen.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
      if (/^(clients|analytics|clients-\d+)$/.test(name)) await page.screenshot({ path: join(SCREENSHOT_DIR, `lang-${lang}-${name}.png`) });
      // Each tab of a screen is a screen of its own.
      const tabs = await page.getByRole('tab').count();
      for (let i = 0; i < tabs; i++) {
        await page.getByRole('tab').nth(i).click();
        await settle(page);
        check(lang, `${screen} tab ${i + 1}`, await textsOnScreen(page), problems, names);
      }
    }
    await page.context().close();
    db.sqlite.close();
    expect([...new Set(problems)]).toEqual([]);
  });
});

it('on a first start the app speaks the system language, in its region and calendar', async () => {
  const fresh = openDatabase(join(tempDirOutsideTest(), 'first-start-th.db'), findMigrationsFolder());
  try {
    const { page, context } = await openApp(browser, (emit) => createRouter(fresh, createHandlers({ version: 'e2e', platform: { emit } })), { locale: 'th-TH' });
    await page.goto(`${TEST_ORIGIN}/index.html`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('th');
    await expect.poll(() => routerCalls(fresh).call('settings.get')).toMatchObject({ language: 'th', locale: 'th-TH', calendar: 'buddhist' });
    // The Welcome screen is in Thai: its buttons carry Thai letters.
    await expect.poll(async () => /[\u0E00-\u0E7F]/.test((await page.getByRole('button').allInnerTexts()).join(' '))).toBe(true);
    await context.close();
  } finally {
    fresh.sqlite.close();
  }
});

it('in Thai, dates show Buddhist-era years', async () => {
  const { db, firstClientId } = await demoBase('th');
  const { page, context } = await openApp(browser, (emit) => createRouter(db, createHandlers({ version: 'e2e', platform: { emit } })), { locale: 'th-TH' });
  await page.goto(`${TEST_ORIGIN}/index.html#/clients/${firstClientId}`);
  await settle(page);
  const text = () => page.evaluate(() => document.body.innerText);
  // A Thai month name followed by its year: 25xx in the Buddhist era, never 20xx.
  await expect.poll(async () => /[\u0E00-\u0E7F]\.?\s25[5-7]\d\b/.test(await text())).toBe(true);
  expect(await text()).not.toMatch(/[\u0E00-\u0E7F]\.?\s20[0-3]\d\b/);
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'lang-th-buddhist-client.png') });
  await context.close();
  db.sqlite.close();
});
