import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Deflate effort: level 3 gave the best time for its size on cards (see docs/performance.md). */
const LEVEL = 3;
/** Room for a whole card's compressed rows in one output buffer (they are 30-60 KB). */
const CHUNK_SIZE = 128 * 1024;

function chunk(type: string, data: Buffer): Buffer {
  const bytes = Buffer.alloc(12 + data.length);
  bytes.writeUInt32BE(data.length, 0);
  bytes.write(type, 4, 'latin1');
  data.copy(bytes, 8);
  bytes.writeUInt32BE(crc32(bytes.subarray(4, 8 + data.length)), 8 + data.length);
  return bytes;
}

/**
 * RGBA pixels (8 bits a channel, rows top to bottom) as a PNG file. No row filters and zlib
 * level 3: cards are mostly flat colour, which deflate compresses well unfiltered, and this
 * took 4-5 ms a card where resvg's encoder took 10-12 and sharp's 8-12 on card workers.
 */
export function encodeRgbaPng(rgba: Buffer, width: number, height: number): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height)
    throw new Error(`expected ${stride * height} bytes of RGBA pixels, got ${rgba.length}`);
  // Each row starts with its filter type: 0, none.
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++)
    rgba.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return encodePngRows(rows, width, height);
}

/** The first rows of images that start the same (a card's band), deflated once. */
export interface DeflatedRows {
  /** Bytes of rows covered, filter bytes included. */
  length: number;
  /** Raw deflate blocks, sync-flushed so that more blocks can follow. */
  deflated: Buffer;
  /** Adler-32 of the rows, for zlib's trailer. */
  adler: number;
}

const ADLER_BASE = 65521;

function adler32(bytes: Uint8Array): number {
  let [a, b] = [1, 0];
  // 5552 bytes is the most that can be summed before the sums may pass 2^32 (zlib's NMAX).
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(bytes.length, start + 5552);
    for (let i = start; i < end; i++) b += a += bytes[i]!;
    [a, b] = [a % ADLER_BASE, b % ADLER_BASE];
  }
  return (b * 65536 + a) >>> 0;
}

/** The Adler-32 of two byte strings joined, from each one's Adler-32 (zlib's adler32_combine). */
function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % ADLER_BASE;
  let sum1 = first & 0xffff;
  let sum2 = (rem * sum1) % ADLER_BASE;
  sum1 += (second & 0xffff) + ADLER_BASE - 1;
  sum2 += (first >>> 16) + (second >>> 16) + ADLER_BASE - rem;
  sum1 %= ADLER_BASE;
  sum2 %= ADLER_BASE;
  return (sum2 * 65536 + sum1) >>> 0;
}

/** Deflates the first rows of an image once, for `encodePngRows` to reuse. */
export function deflateRows(rows: Buffer): DeflatedRows {
  return {
    length: rows.length,
    deflated: deflateRawSync(rows, { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH }),
    adler: adler32(rows),
  };
}

/** zlib's two-byte header: deflate with a 32 KB window, "default" level, no dictionary. */
const ZLIB_HEADER = Buffer.from([0x78, 0x9c]);

/**
 * The zlib stream of `rows`: the part `start` covers reused as it is, the rest deflated now.
 * A flat band and white rows cost deflate about as much per byte as text does.
 */
function zlibStream(rows: Buffer, start: DeflatedRows | undefined): Buffer {
  if (!start) return deflateSync(rows, { level: LEVEL, chunkSize: CHUNK_SIZE });
  const rest = rows.subarray(start.length);
  const tail = deflateSync(rest, { level: LEVEL, chunkSize: CHUNK_SIZE });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(adler32Combine(start.adler, tail.readUInt32BE(tail.length - 4), rest.length));
  return Buffer.concat([ZLIB_HEADER, start.deflated, tail.subarray(2, tail.length - 4), adler]);
}

/**
 * A PNG file of rows already in PNG's form (each row its filter-type byte, then its pixels):
 * RGB (3 channels) or RGBA (4). `start`, when given, is the first rows deflated beforehand.
 */
export function encodePngRows(
  rows: Buffer,
  width: number,
  height: number,
  { channels = 4, start }: { channels?: 3 | 4; start?: DeflatedRows } = {},
): Buffer {
  if (rows.length !== (width * channels + 1) * height)
    throw new Error(
      `expected ${(width * channels + 1) * height} bytes of PNG rows, got ${rows.length}`,
    );
  if (start && start.length > rows.length)
    throw new Error('the rows deflated beforehand are longer than the image');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = channels === 3 ? 2 : 6; // colour type: RGB or RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlibStream(rows, start)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
