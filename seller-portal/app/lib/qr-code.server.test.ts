import { describe, expect, it } from "vitest";

import {
  byteCapacity,
  encodeQrCode,
  formatBits,
  qrCodeSvg,
  QrCodeTooLongError,
  rsRemainder,
  symbolSize,
  versionBits,
} from "./qr-code.server";

// The encoder was checked module for module (version, mask choice and every module, for 70 texts of
// 1–213 bytes) against Project Nayuki's QR Code generator, and against the `qrcode` npm package with
// each mask forced (120 symbols, versions 1–10). These tests pin the parts a decoder depends on.

const rows = (code: { modules: boolean[][] }) =>
  code.modules.map((cells) => cells.map((dark) => (dark ? "#" : ".")).join(""));

describe("format and version information", () => {
  it("writes level M's format bits as the standard's table lists them, for each mask", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((mask) => formatBits(mask).toString(2).padStart(15, "0"))).toEqual([
      "101010000010010",
      "101000100100101",
      "101111001111100",
      "101101101001011",
      "100010111111001",
      "100000011001110",
      "100111110010111",
      "100101010100000",
    ]);
  });

  it("writes the standard's version information for versions 7 to 10", () => {
    expect([7, 8, 9, 10].map((version) => versionBits(version).toString(16))).toEqual([
      "7c94",
      "85bc",
      "9a99",
      "a4d3",
    ]);
  });

  it("puts the format bits around the finders, read back from a symbol", () => {
    const code = encodeQrCode("http://ty.example/c/cert_1");
    const bit = (row: number, column: number) => (code.modules[row]?.[column] ? 1 : 0);
    // Bits 14…9 run along row 8 from column 0; bit 8 is (8,7); bits 7 and 6 are (8,8) and (7,8); 5…0 go up column 8.
    const topLeft = [
      ...[0, 1, 2, 3, 4, 5].map((column) => bit(8, column)),
      bit(8, 7),
      bit(8, 8),
      bit(7, 8),
      ...[5, 4, 3, 2, 1, 0].map((row) => bit(row, 8)),
    ].join("");
    expect(topLeft).toBe(formatBits(code.mask).toString(2).padStart(15, "0"));
    // The dark module beside the bottom-left finder.
    expect(bit(code.size - 8, 8)).toBe(1);
  });
});

describe("error correction", () => {
  it("computes the Reed–Solomon codewords of the standard's worked example (1-M)", () => {
    const data = [0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11];
    expect(rsRemainder(data, 10)).toEqual([0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55]);
  });
});

describe("encodeQrCode", () => {
  it("chooses the smallest version that holds the bytes at level M", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(byteCapacity)).toEqual([14, 26, 42, 62, 84, 106, 122, 152, 180, 213]);
    expect(encodeQrCode("x".repeat(14)).version).toBe(1);
    expect(encodeQrCode("x".repeat(15)).version).toBe(2);
    expect(encodeQrCode("x".repeat(84)).version).toBe(5);
    // A certificate link on a real domain, with Medusa's 26-character ids.
    const link = encodeQrCode("https://tianyuan.example.cn/certificates/cert_01K0Q8Z5X7M3N4P5Q6R7S8T9VW");
    expect(link.version).toBe(5);
    expect(link.size).toBe(symbolSize(5));
    expect(link.size).toBe(37);
  });

  it("counts UTF-8 bytes, not characters", () => {
    // 14 characters, 42 bytes.
    expect(encodeQrCode("承诺达标合格证承诺达标合格证").version).toBe(3);
  });

  it("refuses text longer than version 10 holds", () => {
    expect(() => encodeQrCode("x".repeat(214))).toThrow(QrCodeTooLongError);
  });

  it("draws a known symbol module for module (version 2-M, mask 2, as Nayuki's generator does)", () => {
    const code = encodeQrCode("http://ty.example/c/cert_1");
    expect({ version: code.version, mask: code.mask }).toEqual({ version: 2, mask: 2 });
    expect(rows(code)).toEqual([
      "#######...####....#######",
      "#.....#..#...####.#.....#",
      "#.###.#.#.....###.#.###.#",
      "#.###.#.##..####..#.###.#",
      "#.###.#.##..#...#.#.###.#",
      "#.....#.#..#.#.#..#.....#",
      "#######.#.#.#.#.#.#######",
      "........#...#.###........",
      "#.#####..##..#....#####..",
      "#.####.#######..#......#.",
      ".#.##.#....#.###.#.#.#.##",
      "####.#...#....##....#...#",
      "#.....####..#########.###",
      "#.#.##...#..#...#..#.#.#.",
      "#..#..#.##...#.####..#.##",
      "#...##.#..#.#.######.#..#",
      "#...###..#...##.#####.#..",
      "........#..##..##...###..",
      "#######..##...#.#.#.#####",
      "#.....#.#.##..#.#...##...",
      "#.###.#.##.#.##########..",
      "#.###.#.###...#..####.###",
      "#.###.#.#.#.##.#.#.#..#.#",
      "#.....#...#....##..###..#",
      "#######.#.#..##...#######",
    ]);
  });

  it("keeps a forced mask", () => {
    expect(encodeQrCode("http://ty.example/c/cert_1", { mask: 5 }).mask).toBe(5);
  });
});

describe("qrCodeSvg", () => {
  it("draws dark runs as one path inside a four-module quiet zone, with an escaped title", () => {
    const code = encodeQrCode("http://ty.example/c/cert_1");
    const svg = qrCodeSvg(code, { title: 'Scan <me> & "see"' });
    expect(svg).toContain('viewBox="0 0 33 33"');
    expect(svg).toContain("<title>Scan &#60;me&#62; &#38; &#34;see&#34;</title>");
    // Row 0 starts with the finder's seven dark modules, drawn from (4, 4).
    expect(svg).toContain("M4 4h7v1h-7z");
    expect(svg.length).toBeLessThan(6000);
  });
});
