import type { ReaderLanguage } from './reader-language.ts';

/** What the workspaces API answers a person, in their language: each refusal says what to do. */
export const workspaceText = {
  notFound: {
    en: 'You are not a member of a workspace with that id',
    es: 'No eres miembro de ningún espacio de trabajo con ese id',
  },
  keyCannotSwitch: {
    en: 'An API key acts in the workspace it was made in; make a key in the other workspace instead',
    es: 'Una clave de API actúa en el espacio de trabajo donde se creó; crea una clave en el otro espacio',
  },
  notAdmin: {
    en: 'Only an admin of this workspace can {what}',
    es: 'Solo un administrador de este espacio de trabajo puede {what}',
  },
  memberNotFound: {
    en: 'That person is not a member of this workspace',
    es: 'Esa persona no es miembro de este espacio de trabajo',
  },
  noSuchPerson: {
    en: 'No one with that email has an account on this install; invite them first',
    es: 'Nadie con ese correo tiene cuenta en esta instalación; invítalo primero',
  },
  alreadyMember: {
    en: 'That person is already a member of this workspace; change their role instead',
    es: 'Esa persona ya es miembro de este espacio de trabajo; cambia su rol en su lugar',
  },
  lastAdmin: {
    en: 'A workspace keeps at least one admin; make someone else admin first',
    es: 'Un espacio de trabajo necesita al menos un administrador; nombra antes a otra persona',
  },
} satisfies Record<string, Record<ReaderLanguage, string>>;

export type WorkspaceTextKey = keyof typeof workspaceText;

export const workspaceMessage = (
  key: WorkspaceTextKey,
  language: ReaderLanguage,
  params: Record<string, string> = {},
) => workspaceText[key][language].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
