// @vitest-environment happy-dom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { entryOf, testCatalog } from '../canvas/test-catalog.ts';
import { NodeHelp, nodeDocsHref } from './node-help.tsx';

beforeEach(() => useLocale.getState().setLocale('es'));
afterEach(cleanup);

const help = () => screen.getByTestId('node-help');
const portLine = (port: string) => help().querySelector(`[data-port-help="${port}"]`)?.textContent;

describe('NodeHelp', () => {
  it('explains every way out of a menu and links to its page, in Spanish', () => {
    render(<NodeHelp entry={entryOf('voice.menu')} />);
    expect(within(help()).getByRole('heading', { name: 'Sobre este nodo' })).toBeTruthy();
    expect(help().textContent).toContain('Cada opción o rama: Quien llama pulsó la tecla de esta opción.');
    expect(portLine('invalid')).toMatch(/: Quien llama pulsó una tecla que no es ninguna opción\.$/);
    expect(portLine('timeout')).toContain('Quien llama no pulsó ninguna tecla');
    const link = within(help()).getByRole('link', { name: /Documentación de «Menú de teclas»/ });
    expect(link.getAttribute('href')).toBe('/docs/es/nodes/voice.menu');
    expect(link.textContent).toBe('Documentación');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('switches to English with the page', () => {
    render(<NodeHelp entry={entryOf('http.request')} />);
    act(() => useLocale.getState().setLocale('en'));
    expect(portLine('success')).toBe('success: The service answered with a 2xx status.');
    expect(
      within(help())
        .getByRole('link', { name: /^Documentation of “HTTP request”/ })
        .getAttribute('href'),
    ).toBe('/docs/en/nodes/http.request');
  });

  it('says the run ends at a node with no way out', () => {
    render(<NodeHelp entry={entryOf('flow.end')} />);
    expect(help().textContent).toContain('La ejecución termina aquí');
  });

  it.each(testCatalog.map((e) => [e.type, e] as const))(
    '%s: every port line has its explanation',
    (_t, entry) => {
      for (const language of ['es', 'en'] as const) {
        act(() => useLocale.getState().setLocale(language));
        const { unmount } = render(<NodeHelp entry={entry} />);
        for (const port of entry.ports) expect(portLine(port)).toMatch(/: \S.+$/);
        unmount();
      }
    },
  );

  it('shows a custom node’s port without a description by name only, without breaking', () => {
    const custom: CatalogEntry = {
      ...entryOf('http.request'),
      type: 'acme.lookup',
      ports: ['found'],
      portDescriptions: [],
    };
    render(<NodeHelp entry={custom} />);
    expect(portLine('found')).toBe('found: ');
    expect(screen.getByRole('link').getAttribute('href')).toBe('/docs/es/nodes/acme.lookup');
  });

  it('escapes a type that is not a plain path segment', () => {
    expect(nodeDocsHref('en', 'acme/x?y')).toBe('/docs/en/nodes/acme%2Fx%3Fy');
  });
});
