import type { Command } from 'commander';
import type { DbHandle } from '@omniflow/db';
import { arg, t } from '../cli-i18n.ts';
import { progressBar } from '../progress-bar.ts';

type OpenForCommand = (purpose: string) => Promise<DbHandle & { release: () => void }>;

/** `omniflow secrets rotate`: works on the database directly, like `migrate` (no API involved). */
export function registerSecretCommands(program: Command, openForCommand: OpenForCommand): void {
  const secrets = program.command('secrets').description(t('secrets.description'));
  secrets
    .command('rotate')
    .description(t('secrets.rotate.description'))
    .option(`--batch ${arg('count')}`, t('secrets.option.batch'), '200')
    .action(async ({ batch }: { batch: string }) => {
      const { rotateSecretKey, RotationNeedsNextKey, SecretsUnreadable } =
        await import('../../credentials/secret-key-rotation.ts');
      const { retiredKeySuffix } = await import('../../credentials/secret-keyring.ts');
      const batchSize = Number(batch);
      if (!Number.isInteger(batchSize) || batchSize < 1)
        throw new Error(t('error.invalidChoice', { value: batch, name: '--batch', choices: '1, 2, 3…' }));
      const handle = await openForCommand('omniflow secrets rotate');
      let bar: ReturnType<typeof progressBar> | undefined;
      try {
        const outcome = await rotateSecretKey(handle.db, process.env, {
          batchSize,
          onPlan: (plan) =>
            console.log(
              plan.mode === 'env'
                ? t('secrets.rotate.envKey', { keyId: plan.next.id })
                : plan.resumed
                  ? t('secrets.rotate.resumed', { keyId: plan.next.id })
                  : t('secrets.rotate.newKey', { keyId: plan.next.id, file: `${plan.file}.next` }),
            ),
          onProgress: ({ total, resealed }) => {
            bar ??= progressBar(t('secrets.rotate.progress'), total);
            bar.update(resealed);
          },
        });
        bar?.done();
        const { plan } = outcome;
        console.log(t('secrets.rotate.done', { count: outcome.resealed, keyId: plan.next.id }));
        console.log(
          plan.mode === 'env'
            ? t('secrets.rotate.envDone')
            : t('secrets.rotate.fileDone', {
                keyId: plan.next.id,
                file: plan.file!,
                retired: `${plan.file}${retiredKeySuffix}`,
              }),
        );
      } catch (error) {
        bar?.done();
        if (error instanceof RotationNeedsNextKey) throw new Error(t('secrets.rotate.needsNext'));
        if (error instanceof SecretsUnreadable)
          throw new Error(
            t('secrets.rotate.unreadable', {
              where: Object.entries(error.unreadable)
                .map(([name, n]) => `${name}: ${n}`)
                .join(', '),
            }),
          );
        throw error;
      } finally {
        await handle.close();
        handle.release();
      }
    });
}
