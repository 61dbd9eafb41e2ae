/**
 * Writes the add-in icons (assets/icon-16/32/64/80/128.png): white "JX" on a blue rounded square.
 * PNG bytes are assembled here with zlib, so no image tool or network is needed.
 * Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { deflateSync } from "zlib";

const SIZES = [16, 32, 64, 80, 128];
const BLUE: Rgba = [31, 95, 168, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
type Rgba = [number, number, number, number];

/** 5x7 bitmap glyphs. */
const GLYPHS: Record<string, string[]> = {
  J: ["..###", "....#", "....#", "....#", "#...#", "#...#", ".###."],
  X: ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"],
};

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(raw, row + 1 + x * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

function iconPixel(size: number): (x: number, y: number) => Rgba {
  const radius = Math.max(2, Math.round(size / 6));
  const scale = Math.max(1, Math.floor((size * 0.7) / 11));
  const textWidth = 11 * scale;
  const textHeight = 7 * scale;
  const left = Math.floor((size - textWidth) / 2);
  const top = Math.floor((size - textHeight) / 2);
  const insideRounded = (x: number, y: number): boolean => {
    const cx = x < radius ? radius : x >= size - radius ? size - radius - 1 : x;
    const cy = y < radius ? radius : y >= size - radius ? size - radius - 1 : y;
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  return (x, y) => {
    if (!insideRounded(x, y)) return CLEAR;
    const gx = Math.floor((x - left) / scale);
    const gy = Math.floor((y - top) / scale);
    if (x >= left && y >= top && gy < 7 && gx < 11 && gx !== 5) {
      const glyph = gx < 5 ? GLYPHS.J : GLYPHS.X;
      if (glyph[gy][gx < 5 ? gx : gx - 6] === "#") return WHITE;
    }
    return BLUE;
  };
}

if (require.main === module) {
  for (const size of SIZES) {
    const file = join(__dirname, "..", "assets", `icon-${size}.png`);
    writeFileSync(file, encodePng(size, iconPixel(size)));
    console.log(`写入 ${file}`);
  }
}
