/**
 * The forms a contact's phone numbers take in call records: E.164 as kept, and without the plus
 * (SIP users and some trunks drop it).
 */
export function phoneForms(addresses: { channel: string; address: string }[]): string[] {
  const forms = new Set<string>();
  for (const { channel, address } of addresses) {
    if (channel !== 'sms' && channel !== 'whatsapp') continue;
    forms.add(address);
    forms.add(address.replace(/^\+/, ''));
  }
  return [...forms];
}
