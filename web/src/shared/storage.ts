/** localStorage that never throws (it can be unavailable, e.g. in private browsing). */
export const storage = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // Not persisted; the value lasts for this page only.
    }
  },
};
