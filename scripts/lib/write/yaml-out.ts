// Writing YAML that people edit: a schema modeline first, a comment, stable key order.
import { Document } from "yaml";

export function toYamlText(schemaRel: string, comment: string, data: unknown): string {
  const doc = new Document(data, { version: "1.2" });
  const head = [`# yaml-language-server: $schema=${schemaRel}`, ...comment.split("\n").map((l) => (l ? `# ${l}` : "#"))];
  return head.join("\n") + "\n" + doc.toString({ lineWidth: 0, indent: 2, indentSeq: true }).normalize("NFC");
}
