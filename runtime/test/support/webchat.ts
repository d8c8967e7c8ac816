import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebChatDriver, WebChatHub } from '@omniflow/nodes/drivers/webchat';
import { sandboxDrivers } from '../../src/messaging/sandbox-drivers.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Builds the embeddable widget if its sources changed (the same step as `npm run build`). */
export function buildWidget(): string {
  const result = spawnSync(process.execPath, [`${root}/scripts/build-widget.mjs`], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the web chat widget failed');
  return `${root}/builder/widget/dist/webchat.js`;
}

/** The sandbox channels with the real web chat driver, shared by the API and the worker. */
export function webChatChannels() {
  const webchat = new WebChatDriver({ hub: new WebChatHub(), secret: 'test-webchat-secret-0123456789' });
  return { ...sandboxDrivers(), webchat };
}
