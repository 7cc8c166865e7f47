/** Settings → the dossiers feature's section. */
export function DossiersSettings() {
  return null;
}
