// Client enhancements of the static site. Every page is complete without this script; it adds
// the map colouring switch, search-as-you-type (pagefind), opening the report section a link
// points to, and print preparation.
// Built by Vite into one file with no import/export, loaded as a classic deferred script.
// Data reaches the DOM only through textContent / attributes, never innerHTML.

import "./style.css";
import { initMapSwitch } from "./map-switch.js";
import { initReportToc } from "./report-toc.js";
import { initSearch } from "./search.js";

document.documentElement.classList.add("js");
initMapSwitch();
initSearch();
initReportToc();

// Printing: open the collapsed data tables so they are on paper too.
window.addEventListener("beforeprint", () => {
  for (const d of document.querySelectorAll("details")) d.open = true;
});
