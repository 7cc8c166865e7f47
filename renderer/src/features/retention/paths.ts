/** Where the retention screens live. */
export const RETENTION_PATHS = {
  today: 'today',
  winback: 'winback',
  loyalty: 'loyalty',
  call: (campaignId: number, clientId: number) => `winback/${campaignId}/call/${clientId}`,
  results: (campaignId: number) => `winback/campaigns/${campaignId}`,
} as const;
