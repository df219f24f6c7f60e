/**
 * The toolbar and store icon, drawn at build time: the desk's diamond (amber on navy) as an RGBA PNG, so no
 * binary image lives in git and every size is sharp.
 */
import { crc32, deflateSync } from 'node:zlib';

/**
 * A square PNG of the Defuse diamond.
 *
 * @example
 * writeFileSync('icon-128.png', iconPng(128));
 */
export function iconPng(size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const SS = 4; // supersampling per axis, for smooth edges
  const radius = size * 0.19;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const fx = x + (sx + 0.5) / SS;
          const fy = y + (sy + 0.5) / SS;
          if (!insideRoundedSquare(fx, fy, size, radius)) continue;
          bg++;
          if (Math.abs(fx - size / 2) + Math.abs(fy - size / 2) <= size * 0.34) fg++;
        }
      }
      const n = SS * SS;
      const i = (y * size + x) * 4;
      const a = bg / n;
      const t = bg ? fg / bg : 0;
      // navy #13222f blended towards amber #f7b267 by the diamond's coverage
      px[i] = Math.round(0x13 + (0xf7 - 0x13) * t);
      px[i + 1] = Math.round(0x22 + (0xb2 - 0x22) * t);
      px[i + 2] = Math.round(0x2f + (0x67 - 0x2f) * t);
      px[i + 3] = Math.round(255 * a);
    }
  }
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function insideRoundedSquare(x: number, y: number, size: number, r: number): boolean {
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
