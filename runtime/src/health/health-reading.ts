/** One component's state as a probe saw it at a tick. */
export interface HealthReading {
  /** null: the installation's own (the API, the worker, the SIP endpoint), shown to every workspace. */
  workspaceId: string | null;
  /** Stable per workspace: `api`, `worker`, `sip`, `sms`, `email`, `whatsapp`, `imap:<address>`. */
  component: string;
  /** What carries it, for the person reading the list: `smpp`, `smtp`, `whatsapp-cloud`, `imap`… */
  kind: string;
  up: boolean;
  /** Why it is down (or the last trouble it reported while staying up). */
  error?: string;
  /** When the probe's peer last did its job, when the probe knows better than "now" (last webhook). */
  lastSuccessAt?: Date | null;
  /** When `error` happened, when the probe knows better than "now". */
  lastErrorAt?: Date | null;
}

/** Reads the state of one kind of component; never throws for a component being down. */
export type HealthProbe = (now: Date) => Promise<HealthReading[]>;

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
