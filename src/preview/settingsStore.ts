/**
 * The preview's document settings: kept for the page's life, and in the browser's localStorage when it has one (as
 * Excel keeps an add-in's settings in the document).
 */

/** Where settings outlive the page: the browser's localStorage, or nothing. */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const SETTINGS_PREFIX = "goal-cascade-preview:";

function defaultStorage(): SettingsStorage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    // Some browsers throw on access to localStorage when site data is blocked.
    return null;
  }
}

export class SettingsStore {
  private readonly settings = new Map<string, unknown>();
  private readonly storage: SettingsStorage | null;

  /** `storage` undefined: the page's localStorage when it has one; null: the page's life only. */
  constructor(storage?: SettingsStorage | null) {
    this.storage = storage === undefined ? defaultStorage() : storage;
  }

  load(key: string): unknown {
    if (this.settings.has(key)) return this.settings.get(key);
    try {
      const stored = this.storage?.getItem(SETTINGS_PREFIX + key);
      return stored === null || stored === undefined ? undefined : (JSON.parse(stored) as unknown);
    } catch {
      // A value another page version wrote in another shape is as good as none.
      return undefined;
    }
  }

  save(key: string, value: unknown): void {
    this.settings.set(key, value);
    try {
      this.storage?.setItem(SETTINGS_PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or blocked: the setting lives as long as the page, as in a document not yet saved.
    }
  }
}
