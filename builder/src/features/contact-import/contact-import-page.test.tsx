// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { ContactImportPage } from './contact-import-page.tsx';
import { MappingTable } from './mapping-table.tsx';

useComponentTestHooks();

const preview = {
  kind: 'csv',
  header: ['Nombre', 'Cel', 'Ciudad'],
  sampleRows: [
    ['Ana', '987654321', 'Lima'],
    ['Luis', '987654322', 'Cusco'],
  ],
  totalRows: 2000,
  proposedMapping: { Nombre: 'first_name', Cel: 'ignore', Ciudad: 'ignore' },
  fields: [{ key: 'ciudad', label: 'Ciudad', type: 'text' }],
  defaultCountry: 'PE',
};

const importAt = (processedRows: number, status = 'running') => ({
  id: 'imp1',
  fileName: 'lista.csv',
  status,
  mapping: {},
  totalRows: 2000,
  processedRows,
  created: status === 'done' ? 1990 : 0,
  updated: 0,
  rejected: status === 'done' ? 10 : 0,
  error: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
});

/** The form each multipart upload sent, in order. */
const sentForms = () =>
  vi
    .mocked(globalThis.fetch)
    .mock.calls.map(([, init]) => init?.body)
    .filter((body): body is FormData => body instanceof FormData);

describe('MappingTable', () => {
  it('offers every target and custom field per column, in Spanish too, and flags what the API would refuse', () => {
    useLocale.getState().setLocale('es');
    const changes: Record<string, string>[] = [];
    const { rerender } = render(
      <MappingTable
        header={preview.header}
        sampleRows={preview.sampleRows}
        fields={preview.fields}
        mapping={preview.proposedMapping}
        onChange={(m) => changes.push(m)}
      />,
    );
    const cel = screen.getByRole('combobox', { name: 'Qué contiene la columna «Cel»' });
    const options = [...cel.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toContain('Teléfono (SMS)');
    expect(options).toContain('Ciudad');
    expect(screen.getByText('Ana · Luis')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/al menos una columna con teléfono/);
    fireEvent.change(cel, { target: { value: 'phone' } });
    expect(changes.at(-1)).toEqual({ Nombre: 'first_name', Cel: 'phone', Ciudad: 'ignore' });
    rerender(
      <MappingTable
        header={preview.header}
        sampleRows={preview.sampleRows}
        fields={preview.fields}
        mapping={{ Nombre: 'first_name', Cel: 'phone', Ciudad: 'first_name' }}
        onChange={() => undefined}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      '«Nombre» está elegido para más de una columna: deja solo una.',
    );
  });
});

describe('ContactImportPage', () => {
  it('previews a file, sends the adjusted mapping and country, follows the progress and offers the rejected rows', async () => {
    const api = stubApi({
      'POST /contact-imports/preview': () => preview,
      'POST /contact-imports': () => new Response(JSON.stringify({ id: 'imp1' }), { status: 202 }),
      'GET /contact-imports/imp1': ({ call }) => (call === 0 ? importAt(1000) : importAt(2000, 'done')),
      'GET /contact-imports/imp1/rejections': () => ({
        rejections: [
          { line: 7, field: 'Cel', code: 'PHONE_INVALID', reason: 'Not a phone number: 12' },
          { line: 9, field: 'Correo', code: 'EMAIL_INVALID', reason: 'Not an email address: ana@' },
        ],
      }),
    });
    render(<ContactImportPage />);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['Nombre,Cel,Ciudad\nAna,987654321,Lima\n'], 'lista.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    await settle();
    expect(screen.getByText('2,000 rows in lista.csv')).toBeTruthy();
    const start = screen.getByRole('button', { name: 'Import 2,000 rows' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    fireEvent.change(screen.getByRole('combobox', { name: 'What column “Cel” holds' }), {
      target: { value: 'phone' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'What column “Ciudad” holds' }), {
      target: { value: 'field:ciudad' },
    });
    expect(
      (screen.getByRole('combobox', { name: /numbers written without/ }) as HTMLSelectElement).value,
    ).toBe('PE');
    fireEvent.click(start);
    await settle();
    const [, sent] = sentForms();
    expect(JSON.parse(sent!.get('mapping') as string)).toEqual({
      Nombre: 'first_name',
      Cel: 'phone',
      Ciudad: 'field:ciudad',
    });
    expect(sent!.get('country')).toBe('PE');
    expect(sent!.get('language')).toBe('en');
    expect(screen.getByText('Importing: 1,000 of 2,000 rows')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe(
      '1000',
    );
    await act(() => vi.advanceTimersByTimeAsync(600));
    expect(screen.getByText('Import finished')).toBeTruthy();
    expect(screen.getByText('1,990')).toBeTruthy();
    const report = screen.getByRole('table', { name: 'Rows left out' });
    expect(
      within(report)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['LineColumnWhy', '7CelNot a phone number: 12', '9CorreoNot an email address: ana@']);
    expect(screen.getByText('The first 2 of 10: the download has them all.')).toBeTruthy();
    expect(api.callsTo('GET /contact-imports/imp1/rejections')[0]!.path).toContain('limit=50');
    const link = screen.getByRole('link', { name: 'Download the rejected rows (CSV)' });
    expect(link.getAttribute('href')).toBe('/api/v1/contact-imports/imp1/rejections?format=csv');
    expect(api.callsTo('GET /contact-imports/imp1')).toHaveLength(2);
  });

  it('shows why a whole file is refused, in the API’s words', async () => {
    stubApi({
      'POST /contact-imports/preview': () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'IMPORT_ENCODING_UTF16',
              message: 'The file is UTF-16 text: save it as "CSV UTF-8"',
            },
          }),
          { status: 422 },
        ),
    });
    render(<ContactImportPage />);
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'unicode.txt')] } });
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('The file is UTF-16 text: save it as "CSV UTF-8"');
    expect(screen.queryByRole('button', { name: /Import/ })).toBeNull();
  });
});
