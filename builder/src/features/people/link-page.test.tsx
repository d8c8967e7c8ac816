// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { LinkPage } from './link-page.tsx';

useComponentTestHooks();

describe('LinkPage', () => {
  it('greets the invited person in the language the admin chose and shows the policy’s refusal', async () => {
    useLocale.getState().setLocale('en');
    const api = stubApi({
      'POST /auth/invitations/preview': () => ({
        email: 'nuria@example.test',
        name: 'Núria',
        language: 'es',
      }),
      'POST /auth/invitations/accept': ({ call }) =>
        call === 0
          ? apiError(422, 'PASSWORD_BREACHED', 'Esta contraseña aparece en listas de contraseñas filtradas')
          : {
              user: {
                id: 'u',
                email: 'nuria@example.test',
                name: 'Núria',
                role: 'designer',
                workspaceId: 'w',
              },
            },
    });
    const onSignedIn = vi.fn();
    render(<LinkPage kind="invitation" token="tok" onSignedIn={onSignedIn} />);
    await settle();
    expect(screen.getByRole('heading').textContent).toBe('Te damos la bienvenida a Omniflow');
    expect(api.callsTo('POST /auth/invitations/preview')[0]!.body).toEqual({ token: 'tok' });

    fireEvent.change(screen.getByLabelText('Nueva contraseña'), { target: { value: 'una frase larga' } });
    fireEvent.change(screen.getByLabelText('Repite la contraseña'), {
      target: { value: 'otra frase larga' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar y entrar' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('Las dos contraseñas no coinciden');
    expect(api.callsTo('POST /auth/invitations/accept')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Repite la contraseña'), { target: { value: 'una frase larga' } });
    fireEvent.click(screen.getByRole('button', { name: 'Guardar y entrar' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('filtradas');
    fireEvent.click(screen.getByRole('button', { name: 'Guardar y entrar' }));
    await settle();
    expect(onSignedIn).toHaveBeenCalledWith(expect.objectContaining({ email: 'nuria@example.test' }));
  });

  it('says when the link is no longer good', async () => {
    useLocale.getState().setLocale('en');
    stubApi({
      'POST /auth/password-resets/preview': () =>
        apiError(410, 'LINK_EXPIRED', 'This link has expired; ask an admin for a new one'),
    });
    render(<LinkPage kind="password-reset" token="old" onSignedIn={() => undefined} />);
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('expired');
    expect(screen.queryByLabelText('New password')).toBeNull();
  });
});
