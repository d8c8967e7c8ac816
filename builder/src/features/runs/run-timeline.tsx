import { useMemo } from 'react';
import type { RunDetail, RunStep } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { buildTimeline } from './build-timeline.ts';
import { TimelineEvent } from './timeline-event.tsx';
import { TimelineMessage } from './timeline-message.tsx';
import { TimelineStep } from './timeline-step.tsx';

/** The run's steps, incoming events and messages in time order; a step selects its node on the canvas. */
export function RunTimeline({
  run,
  selectedSeq,
  onSelectStep,
  onRetryFrom,
}: {
  run: RunDetail;
  selectedSeq: number | null;
  onSelectStep: (step: RunStep) => void;
  onRetryFrom: (step: RunStep) => void;
}) {
  const t = useT();
  const entries = useMemo(
    () => buildTimeline(run.steps, run.events, run.messages),
    [run.steps, run.events, run.messages],
  );
  const labelOf = (nodeId: string) => run.graph.nodes.find((n) => n.id === nodeId)?.label || nodeId;
  return (
    <ol aria-label={t('run.timeline')} className="space-y-2">
      {entries.map((entry) =>
        entry.kind === 'step' ? (
          <TimelineStep
            key={`s${entry.step.seq}`}
            entry={entry}
            label={labelOf(entry.step.nodeId)}
            selected={entry.step.seq === selectedSeq}
            onSelect={() => onSelectStep(entry.step)}
            onRetry={() => onRetryFrom(entry.step)}
          />
        ) : entry.kind === 'message' ? (
          <TimelineMessage
            key={`m${entry.message.id}`}
            message={entry.message}
            nodeLabel={entry.message.nodeId ? labelOf(entry.message.nodeId) : null}
          />
        ) : (
          <TimelineEvent key={`e${entry.event.seq}`} event={entry.event} />
        ),
      )}
    </ol>
  );
}
