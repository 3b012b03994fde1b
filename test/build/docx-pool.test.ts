// The lazy DOCX pool: a rebuild that packs a few documents packs them in this thread without
// starting worker threads; a larger batch starts the pool once; the bytes are the same either way.
import { describe, expect, it } from "vitest";
import { IN_PROCESS_MAX, inProcessPacker, workerPacker, type DocxPacker } from "../../scripts/lib/render/docx/docx-pool.js";
import { DOC } from "../render/document-model.js";

/** A pool factory that packs in-process and counts how often it was started. */
function countingStart(): { start: (size: number) => DocxPacker; started: number[]; packed: () => number } {
  const started: number[] = [];
  let packed = 0;
  const local = inProcessPacker();
  return {
    started,
    packed: () => packed,
    start: (size) => {
      started.push(size);
      return { pack: (m) => (packed++, local.pack(m)), close: async () => {} };
    },
  };
}

describe("workerPacker", () => {
  it("packs a small batch in-process, without starting the workers, with the same bytes", async () => {
    const pool = countingStart();
    const packer = workerPacker(2, pool.start);
    const [a, b] = await Promise.all([packer.pack(DOC), packer.pack(DOC)]);
    expect(pool.started).toEqual([]);
    const expected = Buffer.from(await inProcessPacker().pack(DOC));
    expect(Buffer.from(a!).equals(expected)).toBe(true);
    expect(Buffer.from(b!).equals(expected)).toBe(true);
    await packer.close();
  });

  it("starts the workers once, for a batch larger than the in-process limit, and sends them every later request", async () => {
    const pool = countingStart();
    const packer = workerPacker(2, pool.start);
    await Promise.all(Array.from({ length: IN_PROCESS_MAX + 1 }, () => packer.pack(DOC)));
    await packer.pack(DOC);
    expect(pool.started).toEqual([2]);
    expect(pool.packed()).toBe(IN_PROCESS_MAX + 2);
    await packer.close();
  });

  it("closed while a batch is gathered (a build failing): starts no workers and refuses the batch and later requests", async () => {
    const pool = countingStart();
    const packer = workerPacker(2, pool.start);
    const gathered = Array.from({ length: IN_PROCESS_MAX + 1 }, () => packer.pack(DOC));
    await packer.close();
    const outcomes = await Promise.allSettled(gathered);
    expect(outcomes.map((o) => o.status)).toEqual(gathered.map(() => "rejected"));
    await expect(packer.pack(DOC)).rejects.toThrow(/closed/);
    expect(pool.started).toEqual([]);
  });

  it("packs with real worker threads the bytes of an in-process packing", async () => {
    const packer = workerPacker(2);
    const bytes = await Promise.all(Array.from({ length: IN_PROCESS_MAX + 1 }, () => packer.pack(DOC)));
    await packer.close();
    const expected = Buffer.from(await inProcessPacker().pack(DOC));
    for (const b of bytes) expect(Buffer.from(b).equals(expected)).toBe(true);
  }, 60_000);
});
