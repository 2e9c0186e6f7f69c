/**
 * Parser for the IDX format the MNIST files are distributed in
 * (http://yann.lecun.com/exdb/mnist/): a 4-byte magic number — two zero bytes,
 * a type code (0x08 = unsigned byte) and the number of dimensions — then one
 * big-endian uint32 per dimension, then the values in row-major order.
 *
 * Only the unsigned-byte type is accepted: it is the only one MNIST uses, and
 * anything else means we were handed the wrong file. Every inconsistency throws
 * an Error that says what is wrong, so a corrupt download is reported, not drawn.
 */

export interface IdxArray {
  /** Dimensions, e.g. [60000, 28, 28] for images or [60000] for labels. */
  dims: number[];
  /** Row-major values (a view into the input buffer, not a copy). */
  data: Uint8Array;
}

/** IDX type code of unsigned bytes. */
const UBYTE = 0x08;

/**
 * Parses an unsigned-byte IDX file. `expectedDims` (e.g. 3 for images, 1 for
 * labels) adds a check on the magic number's dimension count. `name` is used in messages.
 */
export function parseIdx(bytes: Uint8Array, expectedDims?: number, name = 'IDX file'): IdxArray {
  if (bytes.length < 4) {
    throw new Error(`${name} is truncated: ${bytes.length} bytes, too short for the 4-byte IDX magic number`);
  }
  const type = bytes[2]!;
  const nDims = bytes[3]!;
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const magic = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
    throw new Error(`${name} has a bad magic number 0x${magic}: an IDX file starts with two zero bytes (is it gzipped or not IDX?)`);
  }
  if (type !== UBYTE) {
    throw new Error(`${name} has IDX type code 0x${type.toString(16)}; only unsigned bytes (0x08) are supported`);
  }
  if (nDims === 0 || (expectedDims !== undefined && nDims !== expectedDims)) {
    throw new Error(`${name} has ${nDims} dimensions in its magic number, expected ${expectedDims ?? 'at least 1'}`);
  }
  const headerBytes = 4 + 4 * nDims;
  if (bytes.length < headerBytes) {
    throw new Error(`${name} is truncated: ${bytes.length} bytes, the header alone needs ${headerBytes}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  let size = 1;
  for (let i = 0; i < nDims; i++) {
    const d = view.getUint32(4 + 4 * i, false);
    dims.push(d);
    size *= d;
  }
  const expected = headerBytes + size;
  if (bytes.length < expected) {
    throw new Error(`${name} is truncated: got ${bytes.length} bytes, expected ${expected} for dimensions [${dims.join(', ')}]`);
  }
  if (bytes.length > expected) {
    throw new Error(`${name} has ${bytes.length - expected} unexpected trailing bytes after dimensions [${dims.join(', ')}]`);
  }
  return { dims, data: bytes.subarray(headerBytes, expected) };
}
