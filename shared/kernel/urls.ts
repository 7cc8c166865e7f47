/**
 * The only addresses Rapport hands to the operating system: http(s), parsed by
 * the URL parser (never by string tests), without credentials that could
 * disguise the real host (https://bank.example@evil.example).
 */
export function safeExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  return url.href;
}
