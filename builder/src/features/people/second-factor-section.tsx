import { useState, type FormEvent } from 'react';
import { ApiError, client, done, ok } from '../../api/client.ts';
import type { Answer } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';

type Setup = Answer<'/account/second-factor', 'post'>;

/**
 * Turns the sign-in code on (scan, confirm a code, keep the recovery codes) or off. The QR code is
 * an SVG the server drew: shown as an image, so nothing of it runs here.
 */
export function SecondFactorSection({
  enabled,
  codesLeft,
  onChanged,
}: {
  enabled: boolean;
  codesLeft: number;
  onChanged: () => void;
}) {
  const t = useT();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const failed = (e: unknown) =>
    setError(e instanceof ApiError ? e.message : t('common.error', { message: String(e) }));

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { recoveryCodes } = await ok(client.POST('/account/second-factor/confirm', { body: { code } }));
      setRecoveryCodes(recoveryCodes);
      setSetup(null);
      setCode('');
      onChanged();
    } catch (e) {
      failed(e);
    }
  }

  async function turnOff(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await done(client.DELETE('/account/second-factor', { body: { password } }));
      setPassword('');
      setRecoveryCodes(null);
      onChanged();
    } catch (e) {
      failed(e);
    }
  }

  return (
    <section aria-labelledby="second-factor" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 id="second-factor" className="font-semibold">
        {t('account.secondFactor')}
      </h2>
      {recoveryCodes && (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <p>{t('account.recoveryCodes')}</p>
          <ul aria-label={t('account.recoveryCodes')} className="mt-2 grid grid-cols-2 gap-1 font-mono">
            {recoveryCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
      {enabled ? (
        <form onSubmit={turnOff} className="space-y-2 text-sm">
          <p>{t('account.secondFactorOn', { left: codesLeft })}</p>
          <label className="flex flex-col">
            {t('account.turnOffPassword')}
            <input
              type="password"
              required
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              className="mt-1 w-64 rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <button
            type="submit"
            className="rounded border border-red-300 px-3 py-1 text-red-700 hover:bg-red-50"
          >
            {t('account.turnOff')}
          </button>
        </form>
      ) : setup ? (
        <form onSubmit={confirm} className="space-y-2 text-sm">
          <p>{t('account.scan')}</p>
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
            alt={t('account.qr')}
            className="h-48 w-48 border border-slate-200"
          />
          <p>
            {t('account.key')}:{' '}
            <code data-testid="totp-secret" className="break-all rounded bg-slate-100 px-1">
              {setup.secret}
            </code>
          </p>
          <label className="flex flex-col">
            {t('account.code')}
            <input
              required
              autoComplete="one-time-code"
              inputMode="numeric"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              className="mt-1 w-40 rounded border border-slate-300 px-2 py-1 font-mono"
            />
          </label>
          <button type="submit" className="rounded bg-indigo-600 px-3 py-1 text-white hover:bg-indigo-700">
            {t('account.confirm')}
          </button>
        </form>
      ) : (
        <div className="space-y-2 text-sm">
          <p>{t('account.secondFactorOff')}</p>
          <button
            onClick={() => void ok(client.POST('/account/second-factor')).then(setSetup, failed)}
            className="rounded bg-indigo-600 px-3 py-1 text-white hover:bg-indigo-700"
          >
            {t('account.setUp')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
