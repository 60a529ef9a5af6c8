/** The little of jsdom's API the site's tests use (the package ships no types, and @types/jsdom is not installed). */
declare module 'jsdom' {
  export type DOMWindow = Window &
    typeof globalThis & {
      eval(code: string): unknown;
      close(): void;
    };
  export class JSDOM {
    constructor(html?: string, options?: { runScripts?: 'dangerously' | 'outside-only'; url?: string });
    readonly window: DOMWindow;
  }
}
