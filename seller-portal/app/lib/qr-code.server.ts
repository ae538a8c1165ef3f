// A QR code encoder for the certificate's link (ISO/IEC 18004): byte mode, error correction level M,
// the smallest version from 1 to 10 that fits (up to 213 bytes — a certificate URL is about 70),
// the mask with the lowest penalty. It draws an SVG on the server, so no script reaches the browser.
// No QR package is installed; this is small enough to own, and its tests pin it to known codes.

/** Level M keeps a code readable with ~15% of it smudged: enough for a label on a crate. */
const ECC_LEVEL_M_BITS = 0b00;

const MAX_VERSION = 10;

/** Error-correction codewords per block and number of blocks at level M, for versions 1–10. */
const ECC_CODEWORDS_PER_BLOCK_M = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26] as const;
const ECC_BLOCKS_M = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5] as const;

/** Centre rows/columns of the alignment patterns, versions 1–10. */
const ALIGNMENT_CENTRES: readonly (readonly number[])[] = [
  [],
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
];

const PENALTY_RUN = 3;
const PENALTY_BLOCK = 3;
const PENALTY_FINDER_LIKE = 40;
const PENALTY_BALANCE = 10;

export type QrCode = {
  version: number;
  mask: number;
  size: number;
  /** modules[row][column]; true is dark. */
  modules: boolean[][];
};

export class QrCodeTooLongError extends Error {
  override name = "QrCodeTooLongError";
}

/** Modules in one side of a version's symbol. */
export function symbolSize(version: number): number {
  return version * 4 + 17;
}

/** Codewords (data and error correction) a version holds: its modules minus the function patterns. */
export function totalCodewords(version: number): number {
  let modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const alignments = Math.floor(version / 7) + 2;
    modules -= (25 * alignments - 10) * alignments - 55;
    if (version >= 7) modules -= 36;
  }
  return Math.floor(modules / 8);
}

export function dataCodewords(version: number): number {
  return totalCodewords(version) - (ECC_CODEWORDS_PER_BLOCK_M[version] ?? 0) * (ECC_BLOCKS_M[version] ?? 0);
}

/** Bytes of byte-mode data a version holds at level M (mode 4 bits, count 8 or 16 bits). */
export function byteCapacity(version: number): number {
  return Math.floor((dataCodewords(version) * 8 - 4 - countBits(version)) / 8);
}

function countBits(version: number): number {
  return version <= 9 ? 8 : 16;
}

/** The 15 format bits for level M and a mask: BCH(15,5) code, XOR-masked so they are never all light. */
export function formatBits(mask: number): number {
  const data = (ECC_LEVEL_M_BITS << 3) | mask;
  let remainder = data;
  for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
  return ((data << 10) | remainder) ^ 0x5412;
}

/** The 18 version bits (versions 7 and up): BCH(18,6) code. */
export function versionBits(version: number): number {
  let remainder = version;
  for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
  return (version << 12) | remainder;
}

// --- Reed–Solomon over GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 -------------------

function gfMultiply(x: number, y: number): number {
  let product = 0;
  for (let bit = 7; bit >= 0; bit--) {
    product = (product << 1) ^ ((product >>> 7) * 0x11d);
    product ^= ((y >>> bit) & 1) * x;
  }
  return product;
}

/** The generator polynomial's coefficients (highest power first, its leading 1 left out). */
function rsGenerator(degree: number): number[] {
  const coefficients = new Array<number>(degree).fill(0);
  coefficients[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      coefficients[j] = gfMultiply(coefficients[j] ?? 0, root);
      if (j + 1 < degree) coefficients[j] = (coefficients[j] ?? 0) ^ (coefficients[j + 1] ?? 0);
    }
    root = gfMultiply(root, 0x02);
  }
  return coefficients;
}

export function rsRemainder(data: readonly number[], degree: number): number[] {
  const generator = rsGenerator(degree);
  const remainder = new Array<number>(degree).fill(0);
  for (const byte of data) {
    const factor = byte ^ (remainder.shift() ?? 0);
    remainder.push(0);
    generator.forEach((coefficient, i) => {
      remainder[i] = (remainder[i] ?? 0) ^ gfMultiply(coefficient, factor);
    });
  }
  return remainder;
}

// --- Codewords --------------------------------------------------------------------------------

/** Mode, count, the bytes, terminator and padding: exactly the version's data codewords. */
export function encodeData(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const push = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  push(0b0100, 4);
  push(bytes.length, countBits(version));
  for (const byte of bytes) push(byte, 8);
  const capacityBits = dataCodewords(version) * 8;
  push(0, Math.min(4, capacityBits - bits.length));
  push(0, (8 - (bits.length % 8)) % 8);
  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((a, bit) => (a << 1) | bit, 0));
  for (let pad = 0xec; codewords.length < dataCodewords(version); pad ^= 0xec ^ 0x11) codewords.push(pad);
  return codewords;
}

/** Splits the data into blocks, adds each block's error correction, and interleaves them. */
export function addErrorCorrection(data: readonly number[], version: number): number[] {
  const blockCount = ECC_BLOCKS_M[version] ?? 1;
  const eccLength = ECC_CODEWORDS_PER_BLOCK_M[version] ?? 0;
  const total = totalCodewords(version);
  const shortBlocks = blockCount - (total % blockCount);
  const shortDataLength = Math.floor(total / blockCount) - eccLength;

  const dataBlocks: number[][] = [];
  const eccBlocks: number[][] = [];
  let offset = 0;
  for (let block = 0; block < blockCount; block++) {
    const length = shortDataLength + (block < shortBlocks ? 0 : 1);
    const blockData = data.slice(offset, offset + length);
    offset += length;
    dataBlocks.push(blockData);
    eccBlocks.push(rsRemainder(blockData, eccLength));
  }

  const result: number[] = [];
  for (let i = 0; i <= shortDataLength; i++) {
    for (const block of dataBlocks) if (i < block.length) result.push(block[i] ?? 0);
  }
  for (let i = 0; i < eccLength; i++) {
    for (const block of eccBlocks) result.push(block[i] ?? 0);
  }
  return result;
}

// --- The symbol -------------------------------------------------------------------------------

class Symbol {
  readonly size: number;
  readonly modules: boolean[][];
  /** Finder, timing, alignment, format and version modules: never masked, never data. */
  readonly reserved: boolean[][];

  constructor(readonly version: number) {
    this.size = symbolSize(version);
    this.modules = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.reserved = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.drawFunctionPatterns();
  }

  private set(column: number, row: number, dark: boolean) {
    const cells = this.modules[row];
    const reserved = this.reserved[row];
    if (!cells || !reserved) return;
    cells[column] = dark;
    reserved[column] = true;
  }

  private drawFunctionPatterns() {
    const last = this.size - 1;
    for (let i = 0; i < this.size; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    this.drawFinder(3, 3);
    this.drawFinder(last - 3, 3);
    this.drawFinder(3, last - 3);

    const centres = ALIGNMENT_CENTRES[this.version] ?? [];
    const lastCentre = centres.length - 1;
    centres.forEach((row, i) => {
      centres.forEach((column, j) => {
        // The three corners that hold finder patterns get none.
        const onFinder = (i === 0 && j === 0) || (i === 0 && j === lastCentre) || (i === lastCentre && j === 0);
        if (!onFinder) this.drawAlignment(column, row);
      });
    });

    // Format areas are reserved now and written once the mask is chosen.
    this.drawFormat(0);
    this.drawVersion();
  }

  /** The 7×7 finder with its light separator, centred on (column, row). */
  private drawFinder(column: number, row: number) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = column + dx;
        const y = row + dy;
        if (x < 0 || y < 0 || x >= this.size || y >= this.size) continue;
        const distance = Math.max(Math.abs(dx), Math.abs(dy));
        this.set(x, y, distance !== 2 && distance !== 4);
      }
    }
  }

  private drawAlignment(column: number, row: number) {
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) {
        this.set(column + dx, row + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }
  }

  drawFormat(mask: number) {
    const bits = formatBits(mask);
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    const last = this.size - 1;
    // Around the top-left finder.
    for (let i = 0; i <= 5; i++) this.set(8, i, bit(i));
    this.set(8, 7, bit(6));
    this.set(8, 8, bit(7));
    this.set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) this.set(14 - i, 8, bit(i));
    // Split between the other two finders.
    for (let i = 0; i < 8; i++) this.set(last - i, 8, bit(i));
    for (let i = 8; i < 15; i++) this.set(8, this.size - 15 + i, bit(i));
    // The dark module, always dark.
    this.set(8, this.size - 8, true);
  }

  private drawVersion() {
    if (this.version < 7) return;
    const bits = versionBits(this.version);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = this.size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      this.set(a, b, dark);
      this.set(b, a, dark);
    }
  }

  /** Data bits in the zigzag: two-module columns from the right, up then down, skipping the timing column. */
  drawCodewords(codewords: readonly number[]) {
    let bitIndex = 0;
    const bitCount = codewords.length * 8;
    for (let right = this.size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      const upward = ((right + 1) & 2) === 0;
      for (let step = 0; step < this.size; step++) {
        const row = upward ? this.size - 1 - step : step;
        for (let j = 0; j < 2; j++) {
          const column = right - j;
          const cells = this.modules[row];
          if (!cells || this.reserved[row]?.[column]) continue;
          // Modules past the last codeword (remainder bits) stay light.
          if (bitIndex < bitCount) {
            cells[column] = (((codewords[bitIndex >>> 3] ?? 0) >>> (7 - (bitIndex & 7))) & 1) === 1;
            bitIndex++;
          }
        }
      }
    }
  }

  /** Masking is its own inverse: applying the same mask twice restores the modules. */
  applyMask(mask: number) {
    for (let row = 0; row < this.size; row++) {
      const cells = this.modules[row];
      const reserved = this.reserved[row];
      if (!cells || !reserved) continue;
      for (let column = 0; column < this.size; column++) {
        if (!reserved[column] && maskApplies(mask, column, row)) cells[column] = !cells[column];
      }
    }
  }
}

export function maskApplies(mask: number, x: number, y: number): boolean {
  switch (mask) {
    case 0:
      return (x + y) % 2 === 0;
    case 1:
      return y % 2 === 0;
    case 2:
      return x % 3 === 0;
    case 3:
      return (x + y) % 3 === 0;
    case 4:
      return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0;
    case 5:
      return ((x * y) % 2) + ((x * y) % 3) === 0;
    case 6:
      return (((x * y) % 2) + ((x * y) % 3)) % 2 === 0;
    case 7:
      return (((x + y) % 2) + ((x * y) % 3)) % 2 === 0;
    default:
      throw new RangeError(`No QR mask ${mask}`);
  }
}

/** The standard's four penalty rules; the mask with the lowest total is used. */
export function penaltyScore(modules: readonly (readonly boolean[])[]): number {
  const size = modules.length;
  const at = (row: number, column: number) => modules[row]?.[column] ?? false;
  let score = 0;

  // Runs of five or more, and 1:1:3:1:1 finder look-alikes with four light modules on one side,
  // scanned along rows (transposed = false) and columns (true).
  for (const transposed of [false, true]) {
    for (let line = 0; line < size; line++) {
      const cell = (i: number) => (transposed ? at(i, line) : at(line, i));
      let runColour = false;
      let runLength = 0;
      // The light border outside the symbol counts as part of the first and last light runs.
      const history: number[] = [0, 0, 0, 0, 0, 0, 0];
      const record = (length: number) => {
        history.pop();
        history.unshift(history[0] === 0 ? length + size : length);
      };
      for (let i = 0; i < size; i++) {
        if (cell(i) === runColour) {
          runLength++;
          if (runLength === 5) score += PENALTY_RUN;
          else if (runLength > 5) score++;
        } else {
          record(runLength);
          if (!runColour) score += finderLikeCount(history) * PENALTY_FINDER_LIKE;
          runColour = cell(i);
          runLength = 1;
        }
      }
      if (runColour) {
        record(runLength);
        runLength = 0;
      }
      record(runLength + size);
      score += finderLikeCount(history) * PENALTY_FINDER_LIKE;
    }
  }

  for (let row = 0; row < size - 1; row++) {
    for (let column = 0; column < size - 1; column++) {
      const colour = at(row, column);
      if (colour === at(row, column + 1) && colour === at(row + 1, column) && colour === at(row + 1, column + 1)) {
        score += PENALTY_BLOCK;
      }
    }
  }

  const dark = modules.reduce((count, cells) => count + cells.filter(Boolean).length, 0);
  const total = size * size;
  score += (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * PENALTY_BALANCE;
  return score;
}

/** history[0] is the latest run (light), history[1..5] the dark-light-dark-light-dark before it. */
function finderLikeCount(history: readonly number[]): number {
  const [after = 0, n = 0, b = 0, c = 0, d = 0, e = 0, before = 0] = history;
  const core = n > 0 && b === n && c === n * 3 && d === n && e === n;
  return (core && after >= n * 4 && before >= n ? 1 : 0) + (core && before >= n * 4 && after >= n ? 1 : 0);
}

/**
 * Encodes text (as UTF-8) in the smallest version that holds it. `mask` forces a mask (tests);
 * otherwise the one with the lowest penalty is chosen.
 */
export function encodeQrCode(text: string, { mask: forcedMask }: { mask?: number } = {}): QrCode {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  while (version <= MAX_VERSION && byteCapacity(version) < bytes.length) version++;
  if (version > MAX_VERSION) {
    throw new QrCodeTooLongError(`${bytes.length} bytes do not fit a version ${MAX_VERSION} QR code`);
  }

  const symbol = new Symbol(version);
  symbol.drawCodewords(addErrorCorrection(encodeData(bytes, version), version));

  let mask = forcedMask;
  if (mask === undefined) {
    let lowest = Infinity;
    for (let candidate = 0; candidate < 8; candidate++) {
      symbol.applyMask(candidate);
      symbol.drawFormat(candidate);
      const score = penaltyScore(symbol.modules);
      if (score < lowest) {
        lowest = score;
        mask = candidate;
      }
      symbol.applyMask(candidate);
    }
  }
  const chosen = mask ?? 0;
  symbol.applyMask(chosen);
  symbol.drawFormat(chosen);
  return { version, mask: chosen, size: symbol.size, modules: symbol.modules };
}

/** Light modules around the code that scanners need. */
const QUIET_ZONE = 4;

/**
 * The code as one SVG path, each row's dark runs merged into rectangles: a few kilobytes at most.
 * The viewBox includes the quiet zone, so the SVG can be sized freely in CSS.
 */
export function qrCodeSvg(code: QrCode, { title }: { title: string }): string {
  const side = code.size + QUIET_ZONE * 2;
  let path = "";
  code.modules.forEach((cells, row) => {
    let column = 0;
    while (column < code.size) {
      if (!cells[column]) {
        column++;
        continue;
      }
      const start = column;
      while (column < code.size && cells[column]) column++;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${column - start}v1h-${column - start}z`;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges" role="img">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path d="${path}" fill="#000"/>` +
    `</svg>`
  );
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
