import { type NodeHandle } from '@xyflow/react';
import type { Size } from './types.ts';
/** Card width (`w-56`) and border (`border-2`). */
export declare const cardWidth = 224;
/** Header height (`h-14`). */
export declare const headerRem = 3.5;
/** Port list top padding (`py-1`) and the list's top border (`border-t`). */
export declare const listPaddingRem = 0.25;
/** Row height (`h-5`). */
export declare const rowRem = 1.25;
/** The card's box with this many output ports. */
export declare function nodeSize(portCount: number): Size;
/** Top of the source handle of row `index`, from the card's padding box (as a CSS value). */
export declare function rowHandleTopPx(index: number): number;
/** Where React Flow finds the input and each output port's handle, relative to the card. */
export declare function nodeHandles(ports: readonly string[], trigger: boolean, size: Size): NodeHandle[];
