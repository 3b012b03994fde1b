// The build reads each report for its input workbook with the check's fast parser: every workbook
// is byte for byte the one yaml's reading gives, and a text the fast parser does not vouch for
// (an anchor) is read by yaml.
import { afterAll, expect, it } from "vitest";
import { check } from "../../scripts/lib/pipeline.js";
import { writeWorkbooks } from "../../scripts/lib/site/workbooks.js";
import { fastYaml } from "../../scripts/lib/syntax/fast-yaml.js";
import { FILES, makeFixture, SCHEMAS } from "../check/fixture.js";

const fx = makeFixture();
afterAll(() => fx.cleanup());

async function books(read?: (text: string) => unknown): Promise<Map<string, Buffer>> {
  const { dataset } = check({ dataDir: fx.data, schemaDir: SCHEMAS, load: { workers: 0 } });
  const out = new Map<string, Buffer>();
  await writeWorkbooks(dataset!, async (path, _unit, _file, make) => void out.set(path, Buffer.from(await make())), read);
  return out;
}

it("gives every workbook the bytes yaml's reading gives, the fast parser's or yaml's", async () => {
  // One report the fast parser refuses (an anchor and its alias): read by yaml.
  fx.edit(FILES.commune, 'number: "12"', 'number: &so "12"');
  let fast = 0;
  const fastOnly = (text: string) => {
    const data = fastYaml(text)?.data;
    if (data) fast++;
    return data;
  };
  const [withYaml, withFast] = [await books(), await books(fastOnly)];
  expect(fast).toBeGreaterThan(3);
  expect([...withFast.keys()]).toEqual([...withYaml.keys()]);
  for (const [path, bytes] of withYaml) expect(withFast.get(path)?.equals(bytes), path).toBe(true);
});
