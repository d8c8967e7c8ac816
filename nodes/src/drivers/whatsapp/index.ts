export { WhatsAppDriver, whatsAppDriverOptions, type WhatsAppDriverOptions } from './whatsapp-driver.ts';
export { WhatsAppError } from './whatsapp-error.ts';
export { serviceWindow, needsTemplate, type ServiceWindow, type WindowClosed } from './service-window.ts';
