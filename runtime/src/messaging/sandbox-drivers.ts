import { SandboxDriver } from '@omniflow/nodes/drivers/messaging';

/** One sandbox per channel: what `omniflow dev` and tests use until a provider is configured. */
export function sandboxDrivers() {
  return {
    whatsapp: new SandboxDriver('whatsapp'),
    sms: new SandboxDriver('sms'),
    webchat: new SandboxDriver('webchat'),
    email: new SandboxDriver('email'),
  };
}
