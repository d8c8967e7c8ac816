import type { MessageKey } from '../../i18n/catalog.ts';

export interface TourStep {
  id: 'palette' | 'canvas' | 'inspector' | 'problems' | 'test' | 'publish';
  title: MessageKey;
  text: MessageKey;
  /** Finds the part of the editor the step is about, by what a person sees (its label or text). */
  target(t: (key: MessageKey) => string): Element | null;
}

const byLabel = (label: string) => document.querySelector(`[aria-label="${CSS.escape(label)}"]`);
const buttonWithText = (text: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) ?? null;

export const tourSteps: readonly TourStep[] = [
  {
    id: 'palette',
    title: 'tour.palette.title',
    text: 'tour.palette.text',
    target: (t) => byLabel(t('editor.palette')),
  },
  {
    id: 'canvas',
    title: 'tour.canvas.title',
    text: 'tour.canvas.text',
    target: () => document.querySelector('.react-flow'),
  },
  {
    id: 'inspector',
    title: 'tour.inspector.title',
    text: 'tour.inspector.text',
    target: (t) => byLabel(t('editor.inspector')),
  },
  {
    id: 'problems',
    title: 'tour.problems.title',
    text: 'tour.problems.text',
    target: () => document.querySelector('[aria-labelledby="problems-title"]'),
  },
  {
    id: 'test',
    title: 'tour.test.title',
    text: 'tour.test.text',
    target: (t) => buttonWithText(t('simulator.title')),
  },
  {
    id: 'publish',
    title: 'tour.publish.title',
    text: 'tour.publish.text',
    target: (t) => buttonWithText(t('editor.publish')),
  },
];
