export * from './messaging-driver.ts';
export { planSms, type SmsPlan, type SmsEncoding } from './sms-encoding.ts';
export { SandboxDriver } from '../sandbox/sandbox-driver.ts';
