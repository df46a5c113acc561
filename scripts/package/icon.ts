// Draws the extension icon, images/icon.png (256×256): a speech bubble, two lines of a post, and
// a lint squiggle under the second. Regenerate with `node --import tsx scripts/package/icon.ts`.
// Shapes are signed distance functions sampled 4×4 per pixel, written as an RGBA PNG with zlib;
// no image library needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const SAMPLES = 4;
type Rgba = [number, number, number, number];

const BACKGROUND: Rgba = [37, 99, 235, 255];
const BUBBLE: Rgba = [255, 255, 255, 255];
const TEXT: Rgba = [148, 163, 184, 255];
const SQUIGGLE: Rgba = [234, 88, 12, 255];

/** Distance to a rounded rectangle centred at (cx, cy); negative inside. */
function roundedRect(x: number, y: number, cx: number, cy: number, halfW: number, halfH: number, radius: number): number {
  const qx = Math.abs(x - cx) - halfW + radius;
  const qy = Math.abs(y - cy) - halfH + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Inside the triangle a-b-c (any winding). */
function inTriangle(x: number, y: number, [ax, ay]: number[], [bx, by]: number[], [cx, cy]: number[]): boolean {
  const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
  const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
  const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** The colour of the topmost shape at a sample point, or transparent. */
function shade(x: number, y: number): Rgba {
  const squiggleY = 156 + 6 * Math.sin((x - 70) / 7);
  if (x >= 70 && x <= 150 && Math.abs(y - squiggleY) <= 4.5) return SQUIGGLE;
  if (roundedRect(x, y, 128, 100, 58, 7, 7) <= 0 || roundedRect(x, y, 110, 132, 40, 7, 7) <= 0) return TEXT;
  if (roundedRect(x, y, 128, 116, 84, 60, 22) <= 0 || inTriangle(x, y, [78, 170], [112, 170], [70, 206])) return BUBBLE;
  if (roundedRect(x, y, 128, 128, 124, 124, 44) <= 0) return BACKGROUND;
  return [0, 0, 0, 0];
}

function render(): Buffer {
  // One filter byte (0 = none) before each row.
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    raw[py * (SIZE * 4 + 1)] = 0;
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [r, g, b, a] = shade(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          // Premultiplied, so edges against transparency don't darken.
          sum[0] += (r * a) / 255;
          sum[1] += (g * a) / 255;
          sum[2] += (b * a) / 255;
          sum[3] += a;
        }
      }
      const alpha = sum[3] / (SAMPLES * SAMPLES);
      const offset = py * (SIZE * 4 + 1) + 1 + px * 4;
      for (let channel = 0; channel < 3; channel++) raw[offset + channel] = alpha === 0 ? 0 : Math.round((sum[channel] * 255) / sum[3]);
      raw[offset + 3] = Math.round(alpha);
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(render(), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const target = join(__dirname, '..', '..', 'images', 'icon.png');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, png());
process.stdout.write(`wrote ${target}\n`);
