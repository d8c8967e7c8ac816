import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import type { Principal } from './app-deps.ts';
import { credentialRole } from './credential-role.ts';

const person = (role: Principal['role'], cappedBy?: Principal['role']): Principal => ({
  workspaceId: 'w',
  userId: 'u',
  via: cappedBy ? 'api-key' : 'session',
  role,
  ...(cappedBy ? { cappedBy } : {}),
});

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, code: error.code, message: error.message };
  }
  return undefined;
};

describe('credentialRole: what an API key or OAuth client may act as', () => {
  it('takes the maker’s role unless another is asked for, and any role the maker’s permissions cover', () => {
    expect(credentialRole(person('designer'), undefined, 'key', 'en')).toBe('designer');
    expect(credentialRole(person('admin'), 'viewer', 'client', 'en')).toBe('viewer');
  });

  it('refuses a key above its maker, in Spanish with both roles named', () => {
    expect(refusal(() => credentialRole(person('designer'), 'admin', 'key', 'es'))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      message:
        'Una clave no puede hacer más que quien la crea: tu rol (diseñador) no permite todo lo que permite el rol administrador; pide la clave a un administrador',
    });
  });

  it('refuses a client an admin key asks for once its maker is no longer admin (cappedBy)', () => {
    expect(refusal(() => credentialRole(person('admin', 'designer'), undefined, 'client', 'en'))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      message:
        'A client can do no more than its maker: your role (designer) does not allow all a admin may do; ask an admin for the client',
    });
  });
});
