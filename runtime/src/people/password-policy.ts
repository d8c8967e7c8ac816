import { isBreachedPassword } from './breached-passwords.ts';

/** NIST SP 800-63B §3.1.1.2 asks for at least 8; public-body security offices ask for 12. */
export const minPasswordLength = 12;

export interface PasswordProblem {
  code: 'PASSWORD_TOO_SHORT' | 'PASSWORD_BREACHED' | 'PASSWORD_IS_EMAIL';
  /** Its sentence in api/people-text.ts. */
  text: 'passwordTooShort' | 'passwordBreached' | 'passwordIsEmail';
  params: Record<string, number>;
}

/** Why `password` may not be used, or undefined when it may. Length counts characters, not bytes. */
export function passwordProblem(password: string, email?: string): PasswordProblem | undefined {
  if ([...password].length < minPasswordLength)
    return { code: 'PASSWORD_TOO_SHORT', text: 'passwordTooShort', params: { min: minPasswordLength } };
  if (isBreachedPassword(password))
    return { code: 'PASSWORD_BREACHED', text: 'passwordBreached', params: {} };
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local))
    return { code: 'PASSWORD_IS_EMAIL', text: 'passwordIsEmail', params: {} };
  return undefined;
}
