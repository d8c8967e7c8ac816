import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { DbHandle } from '@omniflow/db';
import { arg, t } from '../cli-i18n.ts';
import { progressBar } from '../progress-bar.ts';
import { bytesText } from '../bytes-text.ts';

type OpenForCommand = (purpose: string) => Promise<DbHandle & { release: () => void }>;

/** `omniflow export workspace <id> --out file`: the contract-end handover of one workspace. */
export function registerExportCommands(program: Command, openForCommand: OpenForCommand) {
  const exports = program.command('export').description(t('export.description'));
  exports
    .command(`workspace ${arg('workspace')}`)
    .description(t('export.workspace.description'))
    .requiredOption(`--out ${arg('file')}`, t('export.option.out'))
    .action(async (workspaceId: string, flags: { out: string }) => {
      const out = resolve(flags.out);
      // Loaded when the command runs, as in main.ts: the store may be an S3 client.
      const { recordingStoreFromEnv } = await import('../../recordings/recording-store-from-env.ts');
      const { exportWorkspace } = await import('../../workspace-export/export-workspace.ts');
      const { auditWorkspaceExport } = await import('../../workspace-export/export-audit.ts');
      const handle = await openForCommand('omniflow export workspace');
      let bar: ReturnType<typeof progressBar> | undefined;
      try {
        const result = await exportWorkspace(
          { db: handle.db, store: recordingStoreFromEnv(process.env) },
          {
            workspaceId,
            out,
            onProgress: (done, total) => {
              bar ??= progressBar(t('export.progress'), total);
              bar.update(done);
            },
          },
        );
        bar?.done();
        await auditWorkspaceExport(handle.db, {
          workspaceId,
          actor: { kind: 'system', name: 'omniflow export workspace' },
          file: out,
          bytes: result.bytes,
          sha256: result.sha256,
        });
        console.log(
          t('export.done', {
            path: out,
            size: bytesText(result.bytes),
            files: result.manifest.files.length,
            sha256: result.sha256,
          }),
        );
      } finally {
        await handle.close();
        handle.release();
      }
    });
}
