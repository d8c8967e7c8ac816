import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/use-i18n.ts';

const directionKeys: Record<string, MessageKey> = {
  up: 'canvas.direction.up',
  down: 'canvas.direction.down',
  left: 'canvas.direction.left',
  right: 'canvas.direction.right',
};

/** React Flow's built-in screen-reader texts, in the designer's language. */
export function useAriaLabelConfig(): Partial<AriaLabelConfig> {
  const t = useT();
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.aria.nodeHelp'),
      'node.a11yDescription.keyboardDisabled': t('canvas.aria.nodeHelpKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({
        direction,
        x,
        y,
      }: {
        direction: string;
        x: number;
        y: number;
      }) => {
        const key = Object.hasOwn(directionKeys, direction) ? directionKeys[direction] : undefined;
        return t('canvas.aria.nodeMoved', { direction: key ? t(key) : direction, x, y });
      },
      'edge.a11yDescription.default': t('canvas.aria.edgeHelp'),
      'controls.ariaLabel': t('canvas.aria.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.aria.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.aria.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.aria.fitView'),
      'controls.interactive.ariaLabel': t('canvas.aria.interactive'),
      'minimap.ariaLabel': t('canvas.aria.minimap'),
      'handle.ariaLabel': t('canvas.aria.handle'),
    }),
    [t],
  );
}
