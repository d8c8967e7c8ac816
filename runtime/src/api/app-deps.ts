import type { BrowserPhoneHost } from '../voice/browser-phone/browser-phone-host.ts';
import type { Client } from '@temporalio/client';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { ChannelDrivers } from '../messaging/channel-drivers.ts';
import type { ChannelResolver } from '../messaging/channel-resolver.ts';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';
import type { RecordingStore } from '../recordings/recording-store.ts';
import type { BackupSettings } from '../backups/backup-settings.ts';
import type { WorkspaceMailboxes } from '../email/workspace-mailboxes.ts';
import type { TwimlVoiceHost } from '../voice/twiml-voice-host.ts';
import type { Db } from '@omniflow/db';
import type { Role } from '../auth/roles.ts';
import type { ApiScope } from '../auth/scopes.ts';
import type { RateLimits } from './rate-limits.ts';
import type { SignInLimits } from '../auth/sign-in-throttle.ts';
import type { CatalogEntry, NodeRegistry } from '@omniflow/nodes/sdk';

export interface AppDeps {
  db: Db;
  registry: NodeRegistry;
  catalog: CatalogEntry[];
  temporal: Client;
  taskQueue: string;
  /** Checks run by `GET /health`; each resolves when the component answers. */
  health: { db: () => Promise<void>; temporal: () => Promise<void> };
  /** Sessions last this long (default 7 days). */
  sessionTtlMs?: number;
  /** Folder of the built builder app (builder/dist); without it `/` says the app is not built. */
  builderDir?: string;
  /**
   * Set the Secure flag on the session cookie (default: when `publicUrl` is https, the request came
   * over https, or OMNIFLOW_SECURE_COOKIES=1).
   */
  secureCookies?: boolean;
  /**
   * The origin people reach this install at (default: OMNIFLOW_PUBLIC_URL); writes signed in by
   * cookie must come from it or from the request's own host.
   */
  publicUrl?: string;
  /** Sign-in lockouts count by the X-Forwarded-For address (default: OMNIFLOW_TRUST_PROXY=1). */
  trustProxy?: boolean;
  /** Sign-in lockout thresholds and backoff (default: defaultSignInLimits). */
  signInLimits?: Partial<SignInLimits>;
  /** The clock sign-in lockouts are measured with (default: the system clock). */
  now?: () => Date;
  /** The workflow code verify-replays run against (default: the worker's bundle). */
  workflowBundle?: () => Promise<WorkflowBundleWithSourceMap>;
  /** How often a run's live stream looks for changes (default 400 ms). */
  streamPollMs?: number;
  /** The built web chat widget served as /webchat.js (builder/widget/dist/webchat.js). */
  widgetFile?: string;
  /** The channel drivers webhooks are checked and read with (default: from the environment). */
  channels?: ChannelDrivers;
  /** Workspaces' saved channel settings over `channels` (default: one of the app's own). */
  channelResolver?: ChannelResolver;
  /** The key channel secrets are sealed with (default: OMNIFLOW_SECRET_KEY or .omniflow/secret.key). */
  secretKeyring?: () => SecretKeyring;
  /** The status webhook may be a private or loopback URL (default: OMNIFLOW_HTTP_ALLOW_PRIVATE=1). */
  webhookAllowPrivate?: boolean;
  /** Where call recordings are (default: from the environment, see recordingStoreFromEnv). */
  recordingStore?: RecordingStore;
  /** Backup folder, retention and export folder (default: backupSettingsFromEnv). */
  backupSettings?: BackupSettings;
  /** DNS servers the email deliverability check asks (default: OMNIFLOW_DNS_SERVERS, else the system's). */
  dnsServers?: string[];
  /**
   * The pollers of workspaces' saved IMAP mailboxes, told at once when a route changes one;
   * without it a change is picked up by whichever process polls (at its next look).
   */
  workspaceMailboxes?: WorkspaceMailboxes;
  /** Takes Twilio/TwiML voice calls; without it the voice webhooks answer 503. */
  twimlVoice?: TwimlVoiceHost;
  /** Calls from the builder's browser phone (SIP over WebSocket + WebRTC); without it no phone. */
  browserPhone?: BrowserPhoneHost;
  /** Requests per key/OAuth client and per client address (default: rateLimitsFromEnv). */
  rateLimits?: RateLimits;
  /**
   * Runs whose path is pure are played in this process and recorded in one write, without
   * Temporal (runs/start-instant-run.ts): published hooks and `POST /runs`. Default: on, unless
   * OMNIFLOW_INSTANT_RUNS=0 (to compare, or to keep every run in Temporal's history).
   */
  instantRuns?: boolean;
  /** Writes one line per request, with its request id (the server: stdout; default: none). */
  requestLog?: (line: string) => void;
}

/** Who is calling, resolved from the session cookie or the API key. */
export interface Principal {
  workspaceId: string;
  userId: string | null;
  via: 'session' | 'api-key' | 'oauth';
  /** The key that called (recorded on the messages it sends). */
  apiKeyId?: string;
  /** The OAuth client whose token called. */
  oauthClientId?: string;
  /** A key's or token's scopes (auth/scopes.ts); absent = all the role allows (people, old keys). */
  scopes?: ApiScope[];
  /** A person's role, or a key's role. */
  role: Role;
  /**
   * A key's maker's role now, when it allows less than the key's role: the key may then do only
   * what both allow (api/principal-permissions.ts).
   */
  cappedBy?: Role;
}

export interface AppEnv {
  Variables: { principal: Principal; requestId: string };
}
