/** Settings → the retention feature's section. */
export function RetentionSettings() {
  return null;
}
