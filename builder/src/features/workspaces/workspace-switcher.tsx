import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { components } from '../../api/api-schema.ts';
import { useT } from '../../i18n/use-i18n.ts';

type Workspace = components['schemas']['Workspace'];

/** After a switch everything on screen belongs to the workspace left: start the app again there. */
const reloadApp = () => {
  window.location.hash = '#/flows';
  window.location.reload();
};

/**
 * Which workspace the person acts in, and the others they belong to; an admin can start a new
 * one (they become its admin). A person in one workspace who cannot create another sees just
 * its name.
 */
export function WorkspaceSwitcher({
  isAdmin,
  onSwitched = reloadApp,
}: {
  isAdmin: boolean;
  onSwitched?: () => void;
}) {
  const t = useT();
  const [workspaces, setWorkspaces] = useState<Workspace[]>([]);
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ok(client.GET('/workspaces')).then(
      (answer) => setWorkspaces(answer.workspaces),
      () => setWorkspaces([]),
    );
  }, []);

  async function switchTo(id: string) {
    setError(null);
    try {
      await ok(client.POST('/workspaces/{id}/switch', { params: { path: { id } } }));
      onSwitched();
    } catch (failure) {
      setError(t('workspaces.failed', { message: (failure as Error).message }));
    }
  }

  async function create() {
    setError(null);
    try {
      const made = await ok(client.POST('/workspaces', { body: { name } }));
      await switchTo(made.id);
    } catch (failure) {
      setError(t('workspaces.failed', { message: (failure as Error).message }));
    }
  }

  const current = workspaces.find((w) => w.current);
  if (!current) return null;
  return (
    <div className="flex items-center gap-2 text-sm">
      {workspaces.length > 1 ? (
        <select
          aria-label={t('workspaces.label')}
          value={current.id}
          onChange={(event) => void switchTo(event.target.value)}
          className="rounded border border-slate-300 px-1 py-0.5"
        >
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      ) : (
        <span aria-label={t('workspaces.label')} className="font-medium text-slate-700">
          {current.name}
        </span>
      )}
      {isAdmin && !creating && (
        <button type="button" onClick={() => setCreating(true)} className="text-slate-700 hover:underline">
          {t('workspaces.new')}
        </button>
      )}
      {creating && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
          className="flex items-center gap-1"
        >
          <input
            aria-label={t('workspaces.newName')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            className="rounded border border-slate-300 px-1 py-0.5"
          />
          <button type="submit" disabled={!name.trim()} className="text-indigo-700 hover:underline">
            {t('workspaces.create')}
          </button>
          <button type="button" onClick={() => setCreating(false)} className="text-slate-600 hover:underline">
            {t('workspaces.cancel')}
          </button>
        </form>
      )}
      {error && (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
