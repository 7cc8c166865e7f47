import type { FieldSpec, Option } from '../../components/form-values';

/** The referred company's fields, named by their path in the input ('referral.name'), so main's problems land under them. */
export function referralFields(types: Option[], clients: Option[]): FieldSpec[] {
  return [
    { name: 'referral.name', label: 'recovery:close.referralName', kind: 'text' },
    { name: 'referral.typeId', label: 'recovery:close.referralType', kind: 'select', numeric: true, options: types },
    { name: 'referral.contactName', label: 'recovery:close.referralContact', kind: 'text' },
    { name: 'referral.phone', label: 'recovery:close.referralPhone', kind: 'text' },
    { name: 'referral.email', label: 'recovery:close.referralEmail', kind: 'email' },
    { name: 'referral.city', label: 'recovery:close.referralCity', kind: 'text' },
    { name: 'referral.note', label: 'recovery:close.referralNote', kind: 'textarea' },
    { name: 'referral.existingClientId', label: 'recovery:close.existing', kind: 'select', numeric: true, options: clients },
  ];
}

/** The nested `referral` part of the input from the flat field values. */
export function referralInput(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith('referral.')) out[k.slice('referral.'.length)] = v;
  return out;
}

/** Everything but the referral's flat values. */
export const withoutReferral = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith('referral.')));
