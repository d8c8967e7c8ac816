import { useT } from '../../i18n/use-i18n.ts';
import { CopyButton } from '../../ui/copy-button.tsx';

/** Says a link went by mail, or shows it for the admin to hand over when it could not. */
export function LinkHandOver({
  mailed,
  link,
  mailedText,
  handOverText,
}: {
  mailed: boolean;
  link?: string | undefined;
  mailError?: string | undefined;
  mailedText: string;
  handOverText: string;
}) {
  const t = useT();
  if (mailed || !link)
    return (
      <p role="status" className="text-sm text-green-800">
        {mailedText}
      </p>
    );
  return (
    <div role="status" className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      <p>{handOverText}</p>
      <div className="flex items-center gap-2">
        <code className="break-all rounded bg-white px-2 py-1 text-xs">{link}</code>
        <CopyButton text={link} what={t('people.theLink')} />
      </div>
    </div>
  );
}
