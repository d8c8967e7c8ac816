import { useReactFlow } from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import type { CatalogEntry } from '../../api/types.ts';
import { useFlowStore } from './flow-store.ts';
import { paletteMimeType, parseDragData } from './palette-drag.ts';

// Drop point → node's top-left corner, so the node lands centred under the pointer's header.
const grabOffset = { x: 112, y: 24 };

/** Drag-over and drop handlers that add the palette's node where it is dropped. */
export function usePaletteDrop(
  catalog: readonly CatalogEntry[],
  readOnly: boolean,
  /** Called when the flow refuses the node (a second trigger). */
  onRefused: () => void,
) {
  const { screenToFlowPosition } = useReactFlow();

  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (readOnly || !event.dataTransfer.types.includes(paletteMimeType)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    [readOnly],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      if (readOnly) return;
      const dropped = parseDragData(event.dataTransfer.getData(paletteMimeType));
      if (!dropped) return;
      event.preventDefault();
      const entry = catalog.find((c) => c.type === dropped.type && c.version === dropped.version);
      if (!entry) return;
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = useFlowStore
        .getState()
        .addNode(entry, { x: point.x - grabOffset.x, y: point.y - grabOffset.y });
      if (id === undefined) onRefused();
    },
    [catalog, readOnly, screenToFlowPosition, onRefused],
  );

  return { onDragOver, onDrop };
}
