// Parsing and validating report files on worker threads: the YAML parser is most of a check's
// time (~5–10 ms per report file), and a nation has ~11 000 of them. This thread and the workers
// claim files from one shared counter, so this thread parses while the workers start up and the
// share of each follows its speed. loadDataset stays synchronous: the workers post their outcomes
// on message ports that this thread drains with receiveMessageOnPort, waiting on a shared counter
// (Atomics.wait), no event loop needed. Same outcomes as parsing everything on this thread.
// The texts go to the workers once, in one shared buffer (a nation's are ~360 MB as JS strings:
// copying them into every worker cost seconds and memory), and come back only when parsing
// changed them (a BOM, NFD text); the syntax trees never travel. The workers can be started
// before the files are read (startParsePool): they load the parser and the schemas' validators
// (the stored code of cache/validator-store.ts, or compiled) while this thread reads the folder,
// then wait for their job (the files and the unit codes).
import { availableParallelism } from "node:os";
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { hasOrigin, sourceBytes, textFromSource, withOriginOf } from "../load/read-tree.js";
import type { SourceFile } from "../parse/parse-yaml.js";
import type { FileKind, Validators } from "../schema/schemas.js";
import { parseAndValidate, type FileOutcome } from "./parse-file.js";

/** Below this many report files, a worker (loading the parser and the validators) costs more than it saves. */
export const WORKER_THRESHOLD = 600;

/** Worker threads beside this one for `files` report files: none below the threshold, else one per other core (at most 3). */
export function parseWorkersFor(files: number): number {
  return files >= WORKER_THRESHOLD ? Math.min(3, availableParallelism() - 1) : 0;
}

/** Where a worker finds the schemas and their stored validators (cache/validator-store.ts). */
export interface SchemaSource {
  schemaDir: string;
  storeDir: string;
}

/** What a worker receives: the files' paths, and their texts as UTF-8 in one shared buffer. */
export interface SharedSources {
  names: { path: string; rel: string }[];
  bytes: Uint8Array;
  /** File i's text is bytes[ends[i - 1] ?? 0, ends[i]). */
  ends: Int32Array;
}

export function shareSources(sources: SourceFile[]): SharedSources {
  // Files read as bytes are copied as they are (their text is not decoded here); others encoded.
  const encoded = sources.map((s) => sourceBytes(s) ?? Buffer.from(s.text, "utf8"));
  const ends = new Int32Array(new SharedArrayBuffer(4 * sources.length));
  let total = 0;
  encoded.forEach((b, i) => (ends[i] = total += b.byteLength));
  const bytes = new Uint8Array(new SharedArrayBuffer(total));
  // Buffer#copy is a memmove; TypedArray#set into shared memory copies byte by byte.
  const target = Buffer.from(bytes.buffer);
  encoded.forEach((b, i) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).copy(target, ends[i - 1] ?? 0));
  return { names: sources.map(({ path, rel }) => ({ path, rel })), bytes, ends };
}

export function sharedSource(shared: SharedSources, i: number): SourceFile {
  const start = shared.ends[i - 1] ?? 0;
  const text = Buffer.from(shared.bytes.buffer, shared.bytes.byteOffset + start, shared.ends[i]! - start).toString("utf8");
  return { ...shared.names[i]!, text };
}

/** What a started worker waits for: the files to claim, and the unit codes of the schema messages. */
export interface ParseJob {
  files: SharedSources;
  unitCodes: string[];
}

/** A worker's message: a file's outcome by index, its text only when parsing changed it. */
export type WorkerMessage = { i: number; outcome: Omit<FileOutcome, "file"> & { file: Omit<FileOutcome["file"], "text"> & { text?: string } } } | { error: string };

export interface PoolOptions {
  progress?: (done: number, total: number) => void;
  /** False: this thread only waits, the workers parse every file (tests of the worker path). */
  mainParses?: boolean;
  /** Workers already started (startParsePool); else `size` are started here. */
  pool?: ParsePool;
}

/** Worker threads started and waiting for their job; closed after it (or unused) by closeParsePool. */
export interface ParsePool {
  workers: Worker[];
  ports: MessagePort[];
  /** [0]: the next file to claim; [1]: workers done. */
  shared: Int32Array;
  closed: boolean;
}

/** Starts `size` parse workers: each loads the parser and the validators, then waits for its ParseJob. */
export function startParsePool(schemas: SchemaSource, size: number): ParsePool {
  const ts = import.meta.url.endsWith(".ts");
  const url = new URL(ts ? "./parse-worker-boot.mjs" : "./parse-worker.js", import.meta.url);
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const pool: ParsePool = { workers: [], ports: [], shared, closed: false };
  for (let i = 0; i < size; i++) {
    const { port1, port2 } = new MessageChannel();
    pool.workers.push(new Worker(url, { workerData: { ...schemas, port: port2, shared }, transferList: [port2] }));
    pool.ports.push(port1);
  }
  return pool;
}

/** Stops the pool's workers (once; a second call does nothing). */
export function closeParsePool(pool: ParsePool): void {
  if (pool.closed) return;
  pool.closed = true;
  for (const port of pool.ports) port.close();
  for (const w of pool.workers) void w.terminate();
}

/** A worker's parsed file with its text: the worker's when parsing changed it, else the source's,
 *  decoded each time it is read (most files' text is never needed once parsed); and with the
 *  source's origin (its bytes' digest, which content addresses hash: read-tree.ts `keyOfText`). */
function withText(file: Omit<FileOutcome["file"], "text"> & { text?: string }, source: SourceFile): FileOutcome["file"] {
  if (file.text !== undefined) return withOriginOf(file as FileOutcome["file"], source);
  return textFromSource<FileOutcome["file"]>(file, source);
}

/** A file parsed on this thread (a report unless `kind` says otherwise): its text, when the parser
 *  kept it as it was read, is not kept on the outcome but read from the source again when asked
 *  for (as the workers' files'); with the source's origin, as a file from a worker or a cache. */
export function parseHere(source: SourceFile, validators: Validators, unitCodes: ReadonlySet<string>, kind: FileKind | null = "report"): FileOutcome {
  const text = source.text;
  const outcome = parseAndValidate({ path: source.path, rel: source.rel, text }, kind, validators, unitCodes);
  if (!hasOrigin(source)) return outcome;
  if (outcome.file.text !== text) return { ...outcome, file: withOriginOf(outcome.file, source) };
  const { text: _dropped, ...file } = outcome.file;
  return { ...outcome, file: textFromSource<FileOutcome["file"]>(file, source) };
}

/**
 * Parses and validates `sources` (report files) on this thread and `size` worker threads. Returns
 * each file's outcome by data-relative path; calls `progress(done, total)` as outcomes arrive.
 */
export function parseInWorkers(sources: SourceFile[], schemas: SchemaSource, validators: Validators, unitCodes: ReadonlySet<string>, size: number, opts: PoolOptions = {}): Map<string, FileOutcome> {
  const progress = opts.progress;
  const pool = opts.pool ?? startParsePool(schemas, size);
  const { ports, shared } = pool;
  size = pool.workers.length;
  const out = new Map<string, FileOutcome>();
  const errors: string[] = [];
  const drain = () => {
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const msg = m.message as WorkerMessage;
        if ("error" in msg) errors.push(msg.error);
        else out.set(msg.outcome.file.rel, { ...msg.outcome, file: withText(msg.outcome.file, sources[msg.i]!) });
      }
    }
  };
  try {
    // Sharing reads a file not read yet, which may fail (changed meanwhile): the pool is closed then too.
    if (size > 0) {
      const job: ParseJob = { files: shareSources(sources), unitCodes: [...unitCodes] };
      for (const port of ports) port.postMessage(job);
    }
    for (let i = opts.mainParses === false ? sources.length : Atomics.add(shared, 0, 1); i < sources.length; i = Atomics.add(shared, 0, 1)) {
      const outcome = parseHere(sources[i]!, validators, unitCodes);
      out.set(outcome.file.rel, outcome);
      if (i % 64 === 0) drain();
      progress?.(out.size, sources.length);
    }
    for (let done = Atomics.load(shared, 1); done < size; done = Atomics.load(shared, 1)) {
      Atomics.wait(shared, 1, done, 250);
      drain();
      progress?.(out.size, sources.length);
    }
    drain();
    progress?.(out.size, sources.length);
  } finally {
    closeParsePool(pool);
  }
  if (errors.length) throw new Error(`parse worker: ${errors[0]}`);
  if (out.size !== sources.length) throw new Error(`parse workers returned ${out.size} of ${sources.length} files`);
  return out;
}
