/** Settings → the privacy feature's section. */
export function PrivacySettings() {
  return null;
}
