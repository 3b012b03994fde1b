// A zip archive written here around node's zlib (DEFLATE level 6 and CRC-32 in C: several times
// fflate's JavaScript), byte-deterministic for one zlib: entries in the order given, every entry
// stamped 1980-01-01 00:00 (the DOS epoch, written as its fields: no clock, no time zone), no data
// descriptors, no extra fields, no Zip64. The layout is fflate's zipSync's (the version fields, the
// UTF-8 flag only for a non-ASCII name), so readers see what they saw before; only the deflated
// data differs.
//
// Node's zlib is Chromium's: its string hashing depends on the CPU (a CRC-32C hash with SSE4.2 or
// ARMv8 CRC, else zlib's own), so the same data may deflate to other bytes on another machine or
// Node. `deflateFingerprint` names the deflate at hand, for the code version of content addresses.
import { createHash } from "node:crypto";
import { crc32, deflateRawSync } from "node:zlib";

/** DEFLATE level: the one the documents were always zipped at (fflate's level 6). */
const LEVEL = 6;
/** MS-DOS time 00:00:00 and date 1980-01-01 (year 0 from 1980, month 1, day 1). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** "Version needed to extract" and "made by": 2.0 (DEFLATE), host MS-DOS, as fflate writes. */
const VERSION = 20;
const UTF8_FLAG = 1 << 11;
const LOCAL = 30;
const CENTRAL = 46;
const END = 22;
const MAX32 = 0xffffffff;

interface Packed {
  name: Buffer;
  flags: number;
  method: 0 | 8;
  crc: number;
  size: number;
  data: Uint8Array;
  offset: number;
}

/** One entry deflated (stored when DEFLATE does not make it smaller: an empty folder entry, a PNG). */
function pack(name: string, data: Uint8Array, offset: number): Packed {
  const nameBytes = Buffer.from(name, "utf8");
  if (nameBytes.length > 0xffff) throw new Error(`zip: entry name longer than 65535 bytes: ${name.slice(0, 80)}…`);
  if (data.length > MAX32) throw new Error(`zip: entry ${name} exceeds 4 GB (no Zip64)`);
  const deflated = data.length ? deflateRawSync(data, { level: LEVEL }) : data;
  const stored = deflated.length >= data.length;
  return {
    name: nameBytes,
    flags: nameBytes.length === name.length ? 0 : UTF8_FLAG,
    method: stored ? 0 : 8,
    crc: crc32(data),
    size: data.length,
    data: stored ? data : deflated,
    offset,
  };
}

/** The fields a local header and a central directory record share, from "version needed" on. */
function writeCommon(out: Buffer, at: number, e: Packed): number {
  at = out.writeUInt16LE(VERSION, at);
  at = out.writeUInt16LE(e.flags, at);
  at = out.writeUInt16LE(e.method, at);
  at = out.writeUInt16LE(DOS_TIME, at);
  at = out.writeUInt16LE(DOS_DATE, at);
  at = out.writeUInt32LE(e.crc, at);
  at = out.writeUInt32LE(e.data.length, at);
  at = out.writeUInt32LE(e.size, at);
  at = out.writeUInt16LE(e.name.length, at);
  return out.writeUInt16LE(0, at); // extra field length
}

function writeLocal(out: Buffer, e: Packed): void {
  let at = out.writeUInt32LE(0x04034b50, e.offset);
  at = writeCommon(out, at, e);
  at += e.name.copy(out, at);
  out.set(e.data, at);
}

function writeCentral(out: Buffer, at: number, e: Packed): number {
  at = out.writeUInt32LE(0x02014b50, at);
  at = out.writeUInt16LE(VERSION, at); // made by: 2.0, MS-DOS
  at = writeCommon(out, at, e);
  at = out.writeUInt16LE(0, at); // comment length
  at = out.writeUInt16LE(0, at); // disk number
  at = out.writeUInt16LE(0, at); // internal attributes
  at = out.writeUInt32LE(0, at); // external attributes
  at = out.writeUInt32LE(e.offset, at);
  return at + e.name.copy(out, at);
}

function writeEnd(out: Buffer, at: number, count: number, centralSize: number, centralAt: number): void {
  at = out.writeUInt32LE(0x06054b50, at);
  at = out.writeUInt16LE(0, at); // this disk
  at = out.writeUInt16LE(0, at); // the central directory's disk
  at = out.writeUInt16LE(count, at);
  at = out.writeUInt16LE(count, at);
  at = out.writeUInt32LE(centralSize, at);
  at = out.writeUInt32LE(centralAt, at);
  out.writeUInt16LE(0, at); // comment length
}

/** The zip of `entries` (name → bytes), in their order; a name ending in "/" is a folder entry. */
export function zipEntries(entries: Iterable<readonly [string, Uint8Array]>): Buffer {
  const packed: Packed[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const e = pack(name, data, offset);
    packed.push(e);
    offset += LOCAL + e.name.length + e.data.length;
  }
  const centralSize = packed.reduce((n, e) => n + CENTRAL + e.name.length, 0);
  if (packed.length > 0xffff || offset + centralSize > MAX32) throw new Error("zip: more than 65535 entries or 4 GB (no Zip64)");
  const out = Buffer.alloc(offset + centralSize + END);
  let at = offset;
  for (const e of packed) {
    writeLocal(out, e);
    at = writeCentral(out, at, e);
  }
  writeEnd(out, at, packed.length, centralSize, offset);
  return out;
}

/** A text whose deflated bytes change with the deflate's hashing and matching: table XML, as in
 *  the documents, long enough for hash chains to be cut at level 6's limit. */
function probe(): Buffer {
  const rows: string[] = [];
  for (let i = 0; i < 1500; i++) rows.push(`<w:tr><w:tc><w:p><w:r><w:t>${(i * 7919) % 1009},${i % 7}</w:t></w:r></w:p></w:tc></w:tr>`);
  return Buffer.from(rows.join(""), "utf8");
}

let fingerprint: string | undefined;

/** The deflate at hand: zlib's version and the digest of a probe deflated as entries are. Two
 *  machines with the same fingerprint deflate the probe alike (and, barring a probe too small to
 *  tell, the documents); a Node upgrade or a CPU without the instructions zlib's hash uses gives
 *  another one. */
export function deflateFingerprint(): string {
  fingerprint ??= `zlib ${process.versions.zlib} ${createHash("sha256").update(deflateRawSync(probe(), { level: LEVEL })).digest("hex").slice(0, 16)}`;
  return fingerprint;
}
