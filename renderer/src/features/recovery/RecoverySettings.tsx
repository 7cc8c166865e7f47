/** Settings → the recovery feature's section. */
export function RecoverySettings() {
  return null;
}
