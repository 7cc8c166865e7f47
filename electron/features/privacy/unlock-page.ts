import { i18n } from '../../../shared/features/privacy/i18n';

type Lang = keyof typeof i18n;
const LANGS = Object.keys(i18n) as Lang[];

/** The app's language from the system's locale ('hu-HU' → hu), English when Rapport does not speak it. */
export function unlockLanguage(locale: string): Lang {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return (LANGS as string[]).includes(base) ? (base as Lang) : 'en';
}

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The small window that asks for the passphrase or recovery key when this
 * computer does not hold the database's key. No preload and no IPC: the
 * page posts what was typed to app://rapport/unlock, which main answers.
 * Script in its own file, so the app's CSP (no inline script) applies as is.
 */
export function unlockPage(locale: string): { html: string; script: string } {
  const lang = unlockLanguage(locale);
  const u = i18n[lang].unlock;
  const page = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${html(u.title)}</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 24px; color: #1d2430; }
h1 { font-size: 18px; margin: 0 0 12px; }
p { line-height: 1.45; }
input { width: 100%; box-sizing: border-box; font: 15px ui-monospace, monospace; padding: 8px; margin: 6px 0 12px; }
button { font: inherit; padding: 6px 14px; margin-right: 8px; }
.error { color: #b3261e; min-height: 1.4em; }
</style></head>
<body>
<h1>${html(u.title)}</h1>
<p>${html(u.lead)}</p>
<form id="unlock" autocomplete="off">
<label for="secret">${html(u.label)}</label>
<input id="secret" type="password" required autofocus spellcheck="false">
<p class="error" id="message" role="alert"></p>
<button type="submit" id="go">${html(u.go)}</button><button type="button" id="quit">${html(u.quit)}</button>
</form>
<script src="/unlock.js"></script>
</body></html>`;
  const script = `'use strict';
const form = document.getElementById('unlock');
const message = document.getElementById('message');
const go = document.getElementById('go');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  go.disabled = true;
  message.textContent = '';
  try {
    const r = await fetch('/unlock', { method: 'POST', body: document.getElementById('secret').value });
    const answer = await r.json();
    if (!answer.ok) message.textContent = answer.message;
  } finally {
    go.disabled = false;
  }
});
document.getElementById('quit').addEventListener('click', () => void fetch('/unlock/quit', { method: 'POST' }));
`;
  return { html: page, script };
}

/** The message for a secret that does not open the file, in the page's language. */
export const unlockWrong = (locale: string): string => i18n[unlockLanguage(locale)].unlock.wrong;
