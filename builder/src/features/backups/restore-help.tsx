import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
import { restoreCommand } from './backup-words.ts';

/**
 * Restore is a CLI command only: it replaces the whole database while the server is stopped,
 * which a page served by that server cannot do. So the page says how, with the command itself.
 */
export function RestoreHelp({ backup }: { backup: { file: string; createdAt: string } | undefined }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const command = restoreCommand(backup?.file ?? t('backups.restore.placeholder'));
  return (
    <section
      id="restore"
      aria-labelledby="restore-title"
      className="space-y-2 rounded border border-amber-300 bg-amber-50 p-4"
    >
      <h2 id="restore-title" className="text-lg font-semibold">
        {t('backups.restore.title')}
      </h2>
      <p>{t('backups.restore.intro')}</p>
      <ol className="list-decimal space-y-2 pl-6">
        <li>{t('backups.restore.step1')}</li>
        <li className="space-y-1">
          <span className="block">
            {backup
              ? t('backups.restore.step2', { when: new Date(backup.createdAt).toLocaleString(locale) })
              : t('backups.restore.step2None')}
          </span>
          <span className="flex flex-wrap items-center gap-2">
            <code
              data-testid="restore-command"
              className="rounded bg-slate-900 px-2 py-1 font-mono text-sm text-white"
            >
              {command}
            </code>
            <CopyButton text={command} what={t('backups.restore.command')} />
          </span>
        </li>
        <li>{t('backups.restore.step3')}</li>
      </ol>
    </section>
  );
}
