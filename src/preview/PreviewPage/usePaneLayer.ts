import * as React from "react";

/**
 * The layer over the pane that the pane's portals mount in (Fluent's PortalMountNodeProvider). In Excel the task
 * pane is a frame of its own: a dialog is centred in it, its backdrop dims the pane only, a toast sits in its corner
 * and nothing can cover the sheet. In the preview the pane shares the page with the grid, so this layer is kept over
 * the part of the pane in view (as the page scrolls or resizes) and the pane's surfaces are positioned against it.
 */
export function usePaneLayer(): {
  paneRef: React.RefObject<HTMLElement>;
  layerRef: (element: HTMLDivElement | null) => void;
  layer: HTMLDivElement | null;
} {
  const paneRef = React.useRef<HTMLElement>(null);
  const [layer, setLayer] = React.useState<HTMLDivElement | null>(null);

  React.useLayoutEffect(() => {
    const pane = paneRef.current;
    if (!pane || !layer) return;
    const place = () => {
      const box = pane.getBoundingClientRect();
      // Stacked under the grid (a narrow page) the pane is as wide as the window and may be scrolled half into
      // view: its surfaces then take the window's height, so that a dialog is never cut by the pane's edge.
      const stacked = box.width >= window.innerWidth - 1;
      const top = stacked ? 0 : Math.max(0, box.top);
      const bottom = stacked ? window.innerHeight : Math.min(window.innerHeight, box.bottom);
      const left = Math.max(0, box.left);
      const right = Math.min(window.innerWidth, box.right);
      Object.assign(layer.style, {
        top: `${top}px`,
        left: `${left}px`,
        width: `${Math.max(0, right - left)}px`,
        height: `${Math.max(0, bottom - top)}px`,
      });
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(pane);
    // Any scroll may move the pane: the page's, or a scrolling ancestor's (captured).
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    return () => {
      observer.disconnect();
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
    };
  }, [layer]);

  return { paneRef, layerRef: setLayer, layer };
}
