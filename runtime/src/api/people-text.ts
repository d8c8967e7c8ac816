import { ApiError } from './api-error.ts';
import type { ReaderLanguage } from './reader-language.ts';

/**
 * What the people and account routes answer a person, in their language (Accept-Language):
 * every refusal says why and what to do next.
 */
export const peopleText = {
  passwordTooShort: {
    en: 'The password must have at least {min} characters; a few words in a row are easy to remember',
    es: 'La contraseña debe tener al menos {min} caracteres; unas cuantas palabras seguidas son fáciles de recordar',
  },
  passwordBreached: {
    en: 'This password appears in lists of leaked passwords that attackers try first; choose another',
    es: 'Esta contraseña aparece en listas de contraseñas filtradas que los atacantes prueban primero; elige otra',
  },
  passwordIsEmail: {
    en: 'The password must not contain your email; choose another',
    es: 'La contraseña no puede contener tu correo; elige otra',
  },
  linkInvalid: {
    en: 'This link is not valid or was already used; ask an admin for a new one',
    es: 'Este enlace no es válido o ya se usó; pide uno nuevo a un administrador',
  },
  linkExpired: {
    en: 'This link has expired; ask an admin for a new one',
    es: 'Este enlace ha caducado; pide uno nuevo a un administrador',
  },
  emailTaken: {
    en: 'There is already a person with the email {email}',
    es: 'Ya hay una persona con el correo {email}',
  },
  invitationPending: {
    en: '{email} already has an invitation waiting; revoke it to send a new one',
    es: '{email} ya tiene una invitación pendiente; revócala para enviar otra',
  },
  userNotFound: {
    en: 'There is no person with that id in this workspace',
    es: 'No hay ninguna persona con ese id en este espacio de trabajo',
  },
  invitationNotFound: {
    en: 'There is no pending invitation with that id in this workspace',
    es: 'No hay ninguna invitación pendiente con ese id en este espacio de trabajo',
  },
  sessionNotFound: {
    en: 'There is no session of yours with that id; it may have ended already',
    es: 'No tienes ninguna sesión con ese id; puede que ya haya terminado',
  },
  deactivated: {
    en: 'This account is deactivated; ask an admin of your organisation to reactivate it',
    es: 'Esta cuenta está desactivada; pide a un administrador de tu organización que la reactive',
  },
  notYourself: {
    en: 'You cannot deactivate yourself or lower your own role; ask another admin',
    es: 'No puedes desactivarte ni bajarte el rol a ti mismo; pídeselo a otro administrador',
  },
  currentPasswordWrong: {
    en: 'Your current password is not right',
    es: 'Tu contraseña actual no es correcta',
  },
  codeWrong: {
    en: 'That code is not right or was already used; enter the current code from your app, or a recovery code',
    es: 'Ese código no es correcto o ya se usó; introduce el código actual de tu aplicación o un código de recuperación',
  },
  secondFactorNotStarted: {
    en: 'Start setting up the second factor first',
    es: 'Empieza primero a configurar el segundo factor',
  },
  secondFactorOn: {
    en: 'The second factor is already on; turn it off first to set it up again',
    es: 'El segundo factor ya está activado; desactívalo primero para configurarlo de nuevo',
  },
  secondFactorOff: {
    en: 'The second factor is not on',
    es: 'El segundo factor no está activado',
  },
  signedInByKey: {
    en: 'This needs a person signed in, not an API key',
    es: 'Esto lo tiene que hacer una persona con sesión iniciada, no una clave de API',
  },
  inviteSubject: {
    en: 'You are invited to Omniflow',
    es: 'Te han invitado a Omniflow',
  },
  inviteBody: {
    en: 'Hello {name},\n\n{inviter} invites you to Omniflow. Open this link to choose your password and sign in (it works until {expires}):\n\n{link}\n',
    es: 'Hola, {name}:\n\n{inviter} te invita a Omniflow. Abre este enlace para elegir tu contraseña y entrar (sirve hasta el {expires}):\n\n{link}\n',
  },
  resetSubject: {
    en: 'Choose a new Omniflow password',
    es: 'Elige una nueva contraseña de Omniflow',
  },
  resetBody: {
    en: 'Hello {name},\n\nAn admin asked for your Omniflow password to be reset. Open this link to choose a new one (it works until {expires}):\n\n{link}\n\nIf you did not expect this, tell your admin.\n',
    es: 'Hola, {name}:\n\nUn administrador ha pedido restablecer tu contraseña de Omniflow. Abre este enlace para elegir una nueva (sirve hasta el {expires}):\n\n{link}\n\nSi no lo esperabas, avisa a tu administrador.\n',
  },
} satisfies Record<string, { en: string; es: string }>;

export type PeopleTextKey = keyof typeof peopleText;

export function peopleMessage(
  key: PeopleTextKey,
  language: ReaderLanguage,
  params: Record<string, string | number> = {},
): string {
  return peopleText[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** An API refusal whose message is `key` in the reader's language. */
export const peopleError = (
  status: 400 | 401 | 403 | 404 | 409 | 410 | 422,
  code: string,
  key: PeopleTextKey,
  language: ReaderLanguage,
  params: Record<string, string | number> = {},
) =>
  new ApiError(
    status,
    code,
    peopleMessage(key, language, params),
    Object.keys(params).length ? params : undefined,
  );
