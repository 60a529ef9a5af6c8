import { configure } from '@testing-library/react';

/**
 * jsdom lacks a few browser APIs Mantine relies on. Imported by test-utils/render, so test files work
 * with or without a vitest setup file.
 */
if (typeof window !== 'undefined') {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    Object.assign(window, { ResizeObserver: ResizeObserverStub });
  }
  // Mantine's autosizing Textarea listens for web fonts loading.
  if (!('fonts' in document)) {
    Object.defineProperty(document, 'fonts', {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
    });
  }
  if (!window.HTMLElement.prototype.scrollIntoView) {
    window.HTMLElement.prototype.scrollIntoView = () => {};
  }
}

// The web tests share two cores with the integration tiers: a first render can take over a second then.
// Waiting up to 5 s for what should appear keeps them about behaviour, not about the machine's load.
configure({ asyncUtilTimeout: 5000 });

// Charts size themselves from their container, which jsdom does not lay out: recharts then warns that the
// chart has no size. That says nothing about the code under test (the figures are checked in the tables).
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('of chart should be greater than 0')) return;
  warn(...args);
};
