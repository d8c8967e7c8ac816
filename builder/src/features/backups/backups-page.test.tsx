// @vitest-environment happy-dom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError, stubApi } from '../../api/test-api.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { settle, useComponentTestHooks } from '../../testing/component-test-hooks.ts';
import { BackupsPage } from './backups-page.tsx';

useComponentTestHooks();

const sha = 'a3f1c9e07b2d4e5f60718293a4b5c6d7e8f90123456789abcdef0123456789ab';
const backup = (over: Record<string, unknown> = {}) => ({
  file: 'omniflow-backup-2026-12-06T03-47-00-000Z.tar',
  bytes: 48_300_000,
  sha256: sha,
  createdAt: '2026-12-06T03:47:00.000Z',
  databaseKind: 'postgres',
  schemaTag: '0026_roles',
  storedFiles: 1234,
  missing: 0,
  ...over,
});
const job = (over: Record<string, unknown> = {}) => ({
  id: '01900000-0000-7000-8000-00000000b001',
  kind: 'backup',
  trigger: 'api',
  status: 'running',
  file: null,
  bytes: null,
  sha256: null,
  done: 0,
  total: null,
  error: null,
  startedAt: '2026-12-07T10:00:00.000Z',
  finishedAt: null,
  ...over,
});
const tick = () => act(() => vi.advanceTimersByTimeAsync(500));

describe('BackupsPage', () => {
  it('lists backups with dates, sizes, database and a short checksum, and the schedule in words', async () => {
    stubApi({
      'GET /backups': () => ({
        settings: { keep: 8, everyDays: 7 },
        items: [
          backup(),
          backup({
            file: 'omniflow-backup-2026-11-29T03-47-00-000Z.tar',
            databaseKind: null,
            sha256: null,
            missing: 2,
            createdAt: '2026-11-29T03:47:00.000Z',
          }),
        ],
        last: job({ status: 'done', finishedAt: '2026-12-06T03:49:00.000Z' }),
      }),
    });
    render(<BackupsPage />);
    await settle();
    expect(screen.getByText('A backup is made every 7 days; the newest 8 are kept.')).toBeTruthy();
    expect(screen.getByText(/^The last backup finished on/)).toBeTruthy();
    const table = screen.getByRole('table');
    const text = table.textContent!;
    expect(text).toContain(new Date('2026-12-06T03:47:00.000Z').toLocaleString('en'));
    expect(text).toContain('48.3 MB');
    expect(text).toContain('PostgreSQL');
    expect(text).toContain('1,234');
    expect(text).toContain('a3f1c9e07b2d…');
    expect(text).not.toContain(sha);
    expect(text).toContain('Unknown (no manifest beside it)');
    expect(text).toContain('2 missing from the store');
    expect(text).toContain('not recorded');
    // No file names, ids or ISO times on the list itself.
    expect(text).not.toContain('omniflow-backup-');
    expect(text).not.toContain('2026-12-06T');
    // Restore is a command, for the newest backup unless another is chosen.
    expect(screen.getByTestId('restore-command').textContent).toBe(
      'omniflow restore omniflow-backup-2026-12-06T03-47-00-000Z.tar --yes',
    );
    fireEvent.click(screen.getAllByRole('link', { name: 'How to restore this one' })[1]!);
    expect(screen.getByTestId('restore-command').textContent).toBe(
      'omniflow restore omniflow-backup-2026-11-29T03-47-00-000Z.tar --yes',
    );
  });

  it('backs up now, shows progress until done, then lists the new backup', async () => {
    let listed = 0;
    const api = stubApi({
      'GET /backups': () =>
        listed++ === 0
          ? { settings: { keep: 8, everyDays: 1 }, items: [], last: null }
          : {
              settings: { keep: 8, everyDays: 1 },
              items: [backup({ bytes: 812 })],
              last: job({ status: 'done', bytes: 812, finishedAt: '2026-12-07T10:00:05.000Z' }),
            },
      'POST /backups': () => new Response(JSON.stringify(job()), { status: 202 }),
      [`GET /backups/jobs/${job().id}`]: ({ call }) =>
        call === 0
          ? job({ done: 1, total: 4 })
          : call === 1
            ? job({ done: 3, total: 4 })
            : job({
                status: 'done',
                done: 4,
                total: 4,
                bytes: 812,
                sha256: sha,
                finishedAt: '2026-12-07T10:00:05.000Z',
              }),
    });
    render(<BackupsPage />);
    await settle();
    expect(screen.getByText('No backup has been made yet.')).toBeTruthy();
    expect(screen.getByText('There are no backups in the backup folder yet.')).toBeTruthy();
    expect(screen.getByText('A backup is made every day; the newest 8 are kept.')).toBeTruthy();
    expect(screen.getByTestId('restore-command').textContent).toBe('omniflow restore <backup file> --yes');

    fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    await settle();
    expect(api.callsTo('POST /backups')).toHaveLength(1);
    expect(screen.getByText('Backing up: 1 of 4 files')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Back up now' }) as HTMLButtonElement).disabled).toBe(true);
    await tick();
    expect(screen.getByText('Backing up: 3 of 4 files')).toBeTruthy();
    await tick();
    await settle();
    expect(screen.getByText('Backup finished: 812 B.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Back up now' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByRole('table').textContent).toContain('812 B');
    expect(api.callsTo('GET /backups')).toHaveLength(2);
    // Polling stops once the job ended.
    const polls = api.callsTo(`GET /backups/jobs/${job().id}`).length;
    await tick();
    expect(api.callsTo(`GET /backups/jobs/${job().id}`)).toHaveLength(polls);
  });

  it('says in words why the last backup failed, and shows a refused start', async () => {
    stubApi({
      'GET /backups': () => ({
        settings: { keep: 8, everyDays: 7 },
        items: [],
        last: job({
          status: 'failed',
          error: 'pg_dump failed: could not connect to the server',
          finishedAt: '2026-12-07T10:00:01.000Z',
        }),
      }),
      'POST /backups': () =>
        apiError(409, 'BACKUP_RUNNING', 'A backup is already running; wait for it to finish'),
    });
    render(<BackupsPage />);
    await settle();
    const failed = screen.getAllByRole('alert')[0]!.textContent!;
    expect(failed).toContain('The last backup, started on');
    expect(failed).toContain('failed: pg_dump failed: could not connect to the server');
    expect(failed).not.toContain('2026-12-07T');
    fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    await settle();
    expect(screen.getByText(/A backup is already running; wait for it to finish/)).toBeTruthy();
  });

  it('follows a backup already running (the schedule’s) until it ends', async () => {
    const api = stubApi({
      'GET /backups': ({ call }) => ({
        settings: { keep: 8, everyDays: 7 },
        items: call === 0 ? [] : [backup()],
        last:
          call === 0
            ? job({ trigger: 'schedule', done: 1, total: 2 })
            : job({ status: 'done', finishedAt: '2026-12-07T10:00:09.000Z' }),
      }),
      [`GET /backups/jobs/${job().id}`]: ({ call }) =>
        call === 0 ? job({ done: 1, total: 2 }) : job({ status: 'done', done: 2, total: 2, bytes: 900 }),
    });
    render(<BackupsPage />);
    await settle();
    expect(screen.getByText(/^A backup started on .* is still running\.$/)).toBeTruthy();
    expect(screen.getByText('Backing up: 1 of 2 files')).toBeTruthy();
    await tick();
    await settle();
    expect(screen.getByText(/^The last backup finished on /)).toBeTruthy();
    expect(screen.getByRole('table')).toBeTruthy();
    expect(api.callsTo('POST /backups')).toHaveLength(0);
  });

  it('exports the workspace with progress, then offers the download', async () => {
    const exportJob = job({ id: 'export-1', kind: 'export' });
    const api = stubApi({
      'GET /backups': () => ({ settings: { keep: 8, everyDays: 7 }, items: [], last: null }),
      'POST /workspace-exports': () => new Response(JSON.stringify(exportJob), { status: 202 }),
      'GET /workspace-exports/export-1': ({ call }) =>
        call === 0
          ? { ...exportJob, done: 50, total: 1200 }
          : {
              ...exportJob,
              status: 'done',
              done: 1200,
              total: 1200,
              bytes: 2_500_000,
              finishedAt: '2026-12-07T10:01:00.000Z',
            },
    });
    render(<BackupsPage />);
    await settle();
    expect(screen.queryByRole('link', { name: 'Download the export' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Export this workspace' }));
    await settle();
    expect(api.callsTo('POST /workspace-exports')).toHaveLength(1);
    expect(screen.getByText('Exporting: 50 of 1,200')).toBeTruthy();
    await tick();
    expect(screen.getByText('The export is ready (2.5 MB).')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download the export' }).getAttribute('href')).toBe(
      '/api/v1/workspace-exports/export-1/archive',
    );
  });

  it('says a failed export in words, in Spanish, with sizes and numbers in Spanish', async () => {
    useLocale.getState().setLocale('es');
    stubApi({
      'GET /backups': () => ({ settings: { keep: 8, everyDays: 7 }, items: [backup()], last: null }),
      'POST /workspace-exports': () =>
        new Response(JSON.stringify(job({ id: 'export-2', kind: 'export' })), { status: 202 }),
      'GET /workspace-exports/export-2': () =>
        job({ id: 'export-2', kind: 'export', status: 'failed', error: 'No space left on device' }),
    });
    render(<BackupsPage />);
    await settle();
    expect(screen.getByRole('heading', { name: 'Copias de seguridad' })).toBeTruthy();
    expect(screen.getByRole('table').textContent).toContain('48,3 MB');
    expect(screen.getByText(/Detenga Omniflow/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Exportar este espacio de trabajo' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toBe('La exportación falló: No space left on device');
    expect(screen.queryByRole('link', { name: 'Descargar la exportación' })).toBeNull();
  });
});
