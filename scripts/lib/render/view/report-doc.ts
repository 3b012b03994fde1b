// ReportView → DocModel: the frame's fields, the body as the view built it, one annex per form.
import type { DocModel } from "../../model/document.js";
import type { Project } from "../../model/types.js";
import type { ReportView } from "./report-view.js";

export function reportDocModel(view: ReportView, project: Project): DocModel {
  const f = view.frame;
  return {
    ruleset: project.ruleset,
    kind: "report",
    header: f.header,
    type_name: "BÁO CÁO",
    title: f.title,
    addressees: f.addressees,
    body: view.body,
    recipients: f.recipients,
    signer: f.signer,
    annexes: view.forms.map((form) => ({
      label: form.label,
      title: form.title,
      attached_to: f.attachedTo,
      unit_of_measure: form.unitOfMeasure,
      orientation: form.orientation,
      issuer_short: f.issuerShort,
      body: [],
      form: { table: form.table, footnotes: form.footnotes },
      signature: { preparer: "", signer: f.signer, place_date: f.header.place_date },
    })),
    created: f.created,
    notice: view.notice,
  };
}
