import { useId, useState } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { ImapMailbox } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { imapProblemWords } from './imap-problem-words.ts';
import { pollIntervalParts, pollSecondsOf, type PollUnit } from './poll-interval.ts';

type Security = ImapMailbox['security'];
const defaultPorts: Record<Security, number> = { tls: 993, starttls: 143, none: 143 };

/**
 * Add or edit one mailbox. The password is never shown back: editing leaves it empty, and an
 * empty password keeps the saved one. "Test connection" signs in once with what is typed.
 */
export function ImapMailboxForm({
  mailbox,
  onSaved,
  onCancel,
}: {
  mailbox?: ImapMailbox;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const interval = pollIntervalParts(mailbox?.pollSeconds ?? 60);
  const [host, setHost] = useState(mailbox?.host ?? '');
  const [security, setSecurity] = useState<Security>(mailbox?.security ?? 'tls');
  const [port, setPort] = useState(String(mailbox?.port ?? 993));
  const [user, setUser] = useState(mailbox?.user ?? '');
  const [password, setPassword] = useState('');
  const [folder, setFolder] = useState(mailbox?.folder ?? 'INBOX');
  const [address, setAddress] = useState(mailbox && mailbox.address !== mailbox.user ? mailbox.address : '');
  const [amount, setAmount] = useState(String(interval.amount));
  const [unit, setUnit] = useState<PollUnit>(interval.unit);
  const [enabled, setEnabled] = useState(mailbox?.enabled ?? true);
  const [busy, setBusy] = useState<'testing' | 'saving' | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'failed'; text: string } | null>(null);

  const account = () => ({
    host: host.trim(),
    port: Number(port),
    security,
    user: user.trim(),
    folder: folder.trim() || 'INBOX',
    ...(password ? { password } : {}),
  });
  const failed = (error: unknown) =>
    setNotice({
      kind: 'failed',
      text:
        error instanceof ApiError
          ? imapProblemWords(t, error)
          : error instanceof Error
            ? error.message
            : String(error),
    });

  async function test() {
    setBusy('testing');
    setNotice(null);
    try {
      const answer = await ok(
        client.POST('/mail/mailboxes/test', {
          body: { ...account(), ...(mailbox ? { id: mailbox.id } : {}) },
        }),
      );
      setNotice({ kind: 'ok', text: t('imapMailboxes.testOk', { count: answer.messages }) });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(null);
    }
  }

  async function save() {
    setBusy('saving');
    setNotice(null);
    const settings = {
      ...account(),
      ...(address.trim() ? { address: address.trim() } : mailbox ? { address: user.trim() } : {}),
      pollSeconds: pollSecondsOf(Number(amount), unit),
      enabled,
    };
    try {
      if (mailbox)
        await ok(
          client.PATCH('/mail/mailboxes/{id}', { params: { path: { id: mailbox.id } }, body: settings }),
        );
      else await ok(client.POST('/mail/mailboxes', { body: { ...settings, password } }));
      onSaved();
    } catch (error) {
      failed(error);
      setBusy(null);
    }
  }

  const field = 'mt-1 block w-full rounded border border-slate-300 px-2 py-1';
  return (
    <form
      aria-label={
        mailbox ? t('imapMailboxes.formEdit', { address: mailbox.address }) : t('imapMailboxes.formAdd')
      }
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
    >
      <h3 className="text-lg font-semibold">
        {mailbox ? t('imapMailboxes.formEdit', { address: mailbox.address }) : t('imapMailboxes.formAdd')}
      </h3>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="font-medium sm:col-span-3">
          {t('imapMailboxes.host')}
          <input
            value={host}
            onChange={(e) => setHost(e.target.value)}
            placeholder="imap.example.org"
            spellCheck={false}
            className={field}
          />
        </label>
        <label className="font-medium sm:col-span-2">
          {t('imapMailboxes.security')}
          <select
            value={security}
            onChange={(e) => {
              const next =
                e.target.value === 'starttls' ? 'starttls' : e.target.value === 'none' ? 'none' : 'tls';
              // Follow the usual port until the person has chosen another one.
              if (Number(port) === defaultPorts[security]) setPort(String(defaultPorts[next]));
              setSecurity(next);
            }}
            className={field}
          >
            <option value="tls">{t('imapMailboxes.securityTls')}</option>
            <option value="starttls">{t('imapMailboxes.securityStarttls')}</option>
            <option value="none">{t('imapMailboxes.securityNone')}</option>
          </select>
        </label>
        <label className="font-medium">
          {t('imapMailboxes.port')}
          <input
            type="number"
            min={1}
            max={65535}
            value={port}
            onChange={(e) => setPort(e.target.value)}
            className={field}
          />
        </label>
        <label className="font-medium sm:col-span-2">
          {t('imapMailboxes.user')}
          <input
            value={user}
            onChange={(e) => setUser(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            className={field}
          />
        </label>
        <div>
          <label htmlFor={`${id}-password`} className="font-medium">
            {t('imapMailboxes.password')}
          </label>
          <input
            id={`${id}-password`}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            aria-describedby={mailbox ? `${id}-password-hint` : undefined}
            className={field}
          />
          {mailbox && (
            <p id={`${id}-password-hint`} className="mt-0.5 text-xs text-slate-600">
              {t('imapMailboxes.passwordKept')}
            </p>
          )}
        </div>
        <label className="font-medium">
          {t('imapMailboxes.folder')}
          <input
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            spellCheck={false}
            className={field}
          />
        </label>
        <div className="sm:col-span-2">
          <label htmlFor={`${id}-address`} className="font-medium">
            {t('imapMailboxes.address')}
          </label>
          <input
            id={`${id}-address`}
            type="email"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            placeholder={user.includes('@') ? user : 'ayuda@example.org'}
            aria-describedby={`${id}-address-hint`}
            spellCheck={false}
            className={field}
          />
          <p id={`${id}-address-hint`} className="mt-0.5 text-xs text-slate-600">
            {t('imapMailboxes.addressHint')}
          </p>
        </div>
      </div>
      <fieldset className="flex flex-wrap items-end gap-2">
        <legend className="font-medium">{t('imapMailboxes.every')}</legend>
        <input
          type="number"
          min={1}
          aria-label={t('imapMailboxes.every')}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          className="w-24 rounded border border-slate-300 px-2 py-1"
        />
        <select
          aria-label={t('imapMailboxes.unit')}
          value={unit}
          onChange={(e) => setUnit(e.target.value === 'seconds' ? 'seconds' : 'minutes')}
          className="rounded border border-slate-300 px-2 py-1"
        >
          <option value="seconds">{t('imapMailboxes.unitSeconds')}</option>
          <option value="minutes">{t('imapMailboxes.unitMinutes')}</option>
        </select>
      </fieldset>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t('imapMailboxes.enabled')}
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={busy !== null}
          className="rounded bg-indigo-600 px-3 py-1 font-medium text-white disabled:opacity-50"
        >
          {busy === 'saving' ? t('imapMailboxes.saving') : t('imapMailboxes.save')}
        </button>
        <button
          type="button"
          disabled={busy !== null}
          onClick={() => void test()}
          className="rounded border border-slate-300 px-3 py-1 disabled:opacity-50"
        >
          {busy === 'testing' ? t('imapMailboxes.testing') : t('imapMailboxes.test')}
        </button>
        <button type="button" onClick={onCancel} className="px-3 py-1 text-slate-700">
          {t('imapMailboxes.cancel')}
        </button>
      </div>
      <p
        role="status"
        data-kind={notice?.kind}
        className="data-[kind=failed]:text-red-700 data-[kind=ok]:text-green-700"
      >
        {notice?.text}
      </p>
    </form>
  );
}
