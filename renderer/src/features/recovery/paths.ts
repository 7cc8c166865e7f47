/** Where the recovery screens live. */
export const RECOVERY_PATHS = { cases: 'recovery', analysis: 'recovery/analysis', referrals: 'recovery/referrals', prospects: 'recovery/prospects' } as const;
export type RecoveryTab = keyof typeof RECOVERY_PATHS;
export const casePath = (id: number): string => `recovery/cases/${id}`;
export const briefPath = (id: number): string => `recovery/cases/${id}/brief`;
