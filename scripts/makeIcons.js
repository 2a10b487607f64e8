#!/usr/bin/env node
/*
 * Draws the add-in's icons (assets/icon-16/32/64/80.png): a cascade — one bar, two, four — in white on Office
 * green; and the "Audit goals" button's (assets/audit-16/32/80.png), the same with an amber finding dot. Run `node scripts/makeIcons.js` after changing the drawing; the PNGs are committed.
 */
const { writeFileSync, mkdirSync } = require("fs");
const { join } = require("path");
const zlib = require("zlib");

const BACKGROUND = [0x21, 0x73, 0x46]; // Excel green
const FOREGROUND = [0xff, 0xff, 0xff];

const MARKER = [0xf2, 0x9b, 0x1d]; // amber: the audit's highlight

/**
 * Colour of the pixel at (x, y) of a size×size icon: rounded square, then three tiers of bars; the audit icon adds
 * an amber dot with a white ring at the bottom right (a finding).
 */
function shape(x, y, size, marked) {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  if (marked) {
    const d = Math.hypot(u - 0.76, v - 0.76);
    if (d < 0.17) return MARKER;
    if (d < 0.23) return FOREGROUND;
  }
  const r = 0.18;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  const tiers = [
    { top: 0.18, count: 1 },
    { top: 0.44, count: 2 },
    { top: 0.7, count: 4 },
  ];
  for (const { top, count } of tiers) {
    if (v < top || v > top + 0.14) continue;
    const left = 0.16;
    const width = 0.68;
    const gap = 0.06;
    const bar = (width - gap * (count - 1)) / count;
    const offset = u - left;
    if (offset < 0 || offset > width) continue;
    if (offset % (bar + gap) <= bar) return FOREGROUND;
  }
  return BACKGROUND;
}

function crc32(buffer) {
  return zlib.crc32(buffer) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGBA PNG, 4×4 supersampled so that edges are smooth. */
function png(size, marked = false) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const colour = shape(x * 4 + sx, y * 4 + sy, size * 4, marked);
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      const covered = sum[3] / 255;
      const pixel =
        covered === 0
          ? [0, 0, 0, 0]
          : [sum[0] / covered, sum[1] / covered, sum[2] / covered, sum[3] / 16];
      pixel.forEach((value, k) => (row[1 + x * 4 + k] = Math.round(value)));
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = join(__dirname, "..", "assets");
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80]) writeFileSync(join(out, `icon-${size}.png`), png(size));
for (const size of [16, 32, 80]) writeFileSync(join(out, `audit-${size}.png`), png(size, true));
