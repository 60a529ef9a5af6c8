import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-utils/render';
import { Section } from './Section';

describe('section', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('comes into view with its heading focused when the address targets it', () => {
    const scroll = vi.spyOn(window.HTMLElement.prototype, 'scrollIntoView');
    renderWithProviders(
      <>
        <Section id="person-documents" title="Documents">
          <p>…</p>
        </Section>
        <Section id="person-merges" title="Fiches fusionnées">
          <p>…</p>
        </Section>
      </>,
      { route: '/registry/1#person-merges' },
    );
    const heading = screen.getByRole('heading', { name: 'Fiches fusionnées' });
    expect(document.activeElement).toBe(heading);
    expect(scroll).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('region', { name: 'Fiches fusionnées' })).toBeTruthy();
  });

  it('leaves the page alone without a target', () => {
    const scroll = vi.spyOn(window.HTMLElement.prototype, 'scrollIntoView');
    renderWithProviders(
      <Section id="person-merges" title="Fiches fusionnées">
        <p>…</p>
      </Section>,
      { route: '/registry/1' },
    );
    expect(scroll).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(document.body);
  });
});
