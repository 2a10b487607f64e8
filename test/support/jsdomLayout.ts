/**
 * What jsdom lacks and Fluent UI and the grid ask for: ResizeObserver (positioning), matchMedia (motion) and
 * scrollIntoView. Minimal versions that do nothing; call in `beforeAll` of jsdom tests.
 */
export function polyfillLayout(): void {
  if (!("ResizeObserver" in window)) {
    class ResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, "ResizeObserver", { value: ResizeObserver, writable: true });
  }
  if (!window.matchMedia) {
    Object.defineProperty(window, "matchMedia", {
      writable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
}
