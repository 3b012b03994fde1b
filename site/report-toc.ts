// The report's sections are folded (<details>, closed). A table-of-contents link, or an address
// ending in a section's #id, opens the section it points into before the browser scrolls there.
// Browsers that reveal <details> on fragment navigation do it for content inside a section; this
// also covers the section's own heading (its <summary>) and older browsers.

function openTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  for (let el: HTMLElement | null = target; el; el = el.parentElement) {
    if (el instanceof HTMLDetailsElement) el.open = true;
  }
  target.scrollIntoView();
}

export function initReportToc(): void {
  if (!document.querySelector("details.report-section")) return;
  window.addEventListener("hashchange", openTarget);
  // A click on a link to the current address fires no hashchange.
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')) {
    a.addEventListener("click", () => {
      if (a.hash === location.hash) openTarget();
    });
  }
  openTarget();
}
