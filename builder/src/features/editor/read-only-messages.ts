// The editor of a person whose role looks at flows without changing them (use-editor-read-only.tsx).
export const editorReadOnlyMessages = {
  en: {
    'editorReadOnly.banner': 'You can look at this flow but not change it (your role: {role}).',
    'editorReadOnly.bannerNoRole': 'You can look at this flow but not change it.',
  },
  es: {
    'editorReadOnly.banner': 'Puedes ver este flujo pero no cambiarlo (tu rol: {role}).',
    'editorReadOnly.bannerNoRole': 'Puedes ver este flujo pero no cambiarlo.',
  },
} as const;
