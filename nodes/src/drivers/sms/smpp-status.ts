import smpp from 'smpp';

const names = new Map(Object.entries(smpp.errors).map(([name, code]) => [code, name]));

/** "ESME_RINVPASWD (0x0000000e)": the name people search for, with the number the SMSC sent. */
export function describeSmppStatus(status: number): string {
  const hex = `0x${status.toString(16).padStart(8, '0')}`;
  const name = names.get(status);
  return name ? `${name} (${hex})` : hex;
}

export const smppStatus = {
  ok: 0x00,
  /** SMPP 3.4 §5.1.3: the bind was refused for its credentials or outright. */
  bindFailed: 0x0d,
  invalidPassword: 0x0e,
  invalidSystemId: 0x0f,
  /** The SMSC is over its rate or queue limit: wait and try again. */
  messageQueueFull: 0x14,
  throttled: 0x58,
  /** A temporary application error: the SMSC keeps the deliver_sm and tries again later. */
  temporaryAppError: 0x64,
  invalidCommandId: 0x03,
} as const;
