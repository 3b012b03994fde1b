// Map colouring switch: both colourings are in the page (pre-rendered); with JS only the chosen
// one is shown. Without JS the switch stays hidden and both maps are visible.

export function initMapSwitch(): void {
  for (const section of document.querySelectorAll<HTMLElement>("[data-map-switch]")) {
    const sw = section.querySelector<HTMLFieldSetElement>(".map-switch");
    if (!sw) continue;
    const figures = [...section.querySelectorAll<HTMLElement>("figure.map[data-kind]")];
    const update = (): void => {
      const mode = sw.querySelector<HTMLInputElement>("input:checked")?.value ?? "status";
      for (const f of figures) f.hidden = f.dataset.kind !== mode;
    };
    sw.hidden = false;
    section.classList.add("switching");
    sw.addEventListener("change", update);
    update();
  }
}
