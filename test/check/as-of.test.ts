// --as-of is applied before any rule: the check judges dates at the same as-of date as the documents.
import { afterAll, beforeAll, expect, it } from "vitest";
import { check as runCheck } from "../../scripts/lib/pipeline.js";
import { FILES, SCHEMAS, makeFixture, only, type Fixture } from "./fixture.js";

let fx: Fixture;
beforeAll(() => {
  fx = makeFixture();
});
afterAll(() => fx.cleanup());

it("warns about dates after the --as-of date, not after project.yaml's", () => {
  // Xã Đồng Tâm: submitted 20/7/2018, approved 30/7/2018; project.yaml's as_of is 05/9/2018.
  const plain = runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root });
  expect(only(plain, "STATUS_AFTER_AS_OF").filter((d) => d.file === fx.shown(FILES.commune2))).toEqual([]);
  const early = runCheck({ dataDir: fx.data, schemaDir: SCHEMAS, cwd: fx.root, asOf: "2018-07-25" });
  const mine = only(early, "STATUS_AFTER_AS_OF").filter((d) => d.file === fx.shown(FILES.commune2));
  expect(mine.map((d) => d.pointer)).toEqual(["/approved_on"]);
  expect(mine[0]!.message).toContain("25/7/2018");
  expect(early.dataset!.project.as_of).toBe("2018-07-25");
});
