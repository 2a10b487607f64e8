/*
 * The browser preview's page: the whole add-in without Excel. It loads nothing from the internet (no office.js):
 * the task pane runs over the preview workbook, and the sample cascade comes from beside the page.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { PreviewPage } from "./PreviewPage/PreviewPage";

/** The sample the build copies next to the page. */
const SAMPLE = "cascade-problems.xlsx";

async function loadSample(): Promise<ArrayBuffer> {
  const response = await fetch(`./samples/${SAMPLE}`);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
  return response.arrayBuffer();
}

const element = document.getElementById("root");
if (element) {
  createRoot(element).render(
    <React.StrictMode>
      <PreviewPage loadSample={loadSample} sampleName={SAMPLE} />
    </React.StrictMode>
  );
}
