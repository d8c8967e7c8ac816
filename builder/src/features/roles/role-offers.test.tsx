// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { stubApi } from '../../api/test-api.ts';
import type { Permission } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { CampaignsPage } from '../campaigns/campaigns-page.tsx';
import { FlowListPage } from '../flows/flow-list-page.tsx';
import { PermissionsProvider, useCan } from './permissions.tsx';

useComponentTestHooks();

const as = (permissions: Permission[], page: ReactNode) =>
  render(<PermissionsProvider permissions={permissions}>{page}</PermissionsProvider>);

describe('what a role is offered', () => {
  it('offers a viewer the flows to open but no way to create or import one', async () => {
    stubApi({ 'GET /flows': () => ({ items: [] }) });
    as(['flows:read'], <FlowListPage />);
    await settle();
    expect(screen.getByRole('heading', { name: 'Flows' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New flow' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import JSON' })).toBeNull();
  });

  it('offers a designer the buttons that make flows, in their language', async () => {
    useLocale.getState().setLocale('es');
    stubApi({ 'GET /flows': () => ({ items: [] }) });
    as(['flows:read', 'flows:edit'], <FlowListPage />);
    await settle();
    expect(screen.getByRole('button', { name: 'Nuevo flujo' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Importar JSON' })).toBeTruthy();
  });

  it('shows a supervisor the campaigns but not the button that makes one', async () => {
    stubApi({ 'GET /campaigns': () => ({ campaigns: [] }) });
    as(['campaigns:read', 'campaigns:control'], <CampaignsPage />);
    await settle();
    expect(screen.getByRole('heading', { name: 'Campaigns' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'New campaign' })).toBeNull();
  });

  it('hides nothing where no one said what the caller may do (pages rendered on their own)', () => {
    function Probe() {
      const can = useCan();
      return <p>{can('audit:read') ? 'offered' : 'hidden'}</p>;
    }
    render(<Probe />);
    expect(screen.getByText('offered')).toBeTruthy();
    render(
      <PermissionsProvider permissions={[]}>
        <Probe />
      </PermissionsProvider>,
    );
    expect(screen.getByText('hidden')).toBeTruthy();
  });
});
