// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../i18n/use-i18n.ts';
import { GuidedTour } from './guided-tour.tsx';
import { HelpMenu } from './help-menu.tsx';
import { useTour } from './tour-store.ts';

beforeEach(() => {
  localStorage.clear();
  useLocale.getState().setLocale('en');
  useTour.setState({ userId: null, open: false, step: 0 });
});
afterEach(cleanup);

const tour = () => screen.queryByRole('dialog', { name: 'Guided tour' });

describe('GuidedTour', () => {
  it('opens on a person’s first visit to the editor and walks through its parts', () => {
    render(
      <>
        <HelpMenu userId="u1" />
        <GuidedTour autoStart />
      </>,
    );
    expect(tour()?.textContent).toContain('Step 1 of 6');
    expect(tour()?.textContent).toContain('The palette');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(tour()?.textContent).toContain('The canvas');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(tour()?.textContent).toContain('The palette');
    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(tour()?.textContent).toContain('Publish');
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(tour()).toBeNull();
  });

  it('stays closed once skipped, for that person only, and comes back from Help → Guided tour', () => {
    const { unmount } = render(
      <>
        <HelpMenu userId="u1" />
        <GuidedTour autoStart />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Skip the tour' }));
    expect(tour()).toBeNull();
    unmount();

    render(
      <>
        <HelpMenu userId="u1" />
        <GuidedTour autoStart />
      </>,
    );
    expect(tour()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Help' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Guided tour' }));
    expect(tour()?.textContent).toContain('Step 1 of 6');
    act(() => useLocale.getState().setLocale('es'));
    expect(screen.getByRole('dialog', { name: 'Visita guiada' }).textContent).toContain('La paleta');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    cleanup();
    useTour.setState({ userId: null, open: false, step: 0 });
    render(
      <>
        <HelpMenu userId="u2" />
        <GuidedTour autoStart />
      </>,
    );
    expect(screen.getByRole('dialog', { name: 'Visita guiada' })).toBeTruthy();
  });

  it('does not open by itself outside the editor', () => {
    render(
      <>
        <HelpMenu userId="u3" />
        <GuidedTour autoStart={false} />
      </>,
    );
    expect(tour()).toBeNull();
  });

  it('links the help menu to the user guide in the current language', () => {
    useLocale.getState().setLocale('es');
    render(<HelpMenu userId="u1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Ayuda' }));
    expect(screen.getByRole('menuitem', { name: 'Guía de uso' }).getAttribute('href')).toBe('/docs/es');
  });
});
