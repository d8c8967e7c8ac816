import { useContext } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { NodeBadgeLink } from './node-badge-link.ts';

const look =
  'nodrag nopan absolute -top-3 -right-3 min-w-6 rounded-full bg-amber-500 px-1.5 text-center text-xs leading-6 font-bold text-white shadow ring-2 ring-white';

/** How many runs are at a node right now; a link to those runs when the canvas gives one. */
export function InflightBadge({ nodeId, count }: { nodeId: string; count: number }) {
  const t = useT();
  const hrefOf = useContext(NodeBadgeLink);
  const label = t('canvas.node.inflight', { count });
  if (!hrefOf)
    return (
      <span className={look} title={label} data-testid="inflight-badge">
        <span aria-hidden="true">{count}</span>
        <span className="sr-only">{label}</span>
      </span>
    );
  return (
    <a
      href={hrefOf(nodeId)}
      className={`${look} hover:bg-amber-600`}
      title={label}
      aria-label={label}
      data-testid="inflight-badge"
      // Following the link must not also select the node under it.
      onClick={(e) => e.stopPropagation()}
    >
      {count}
    </a>
  );
}
