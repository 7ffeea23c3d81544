/**
 * Generates Borgdesk's icons from one geometry: icon.svg (the source), icon-512.png, icon-256.png and
 * the tray icons (idle, running, error, warning) in colour and as macOS Template images (black + alpha).
 * Run with `node assets/make-icons.mjs`; it needs nothing but Node (PNG written with zlib).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const outDir = path.dirname(fileURLToPath(import.meta.url));

// ---- geometry (SVG path data using only M, L, C, Z) ------------------------------------------

const K = 0.5523; // cubic approximation of a quarter circle
function roundedRect(x, y, w, h, r) {
  const c = r * K;
  return [
    `M${x + r} ${y}`,
    `L${x + w - r} ${y}`,
    `C${x + w - r + c} ${y} ${x + w} ${y + r - c} ${x + w} ${y + r}`,
    `L${x + w} ${y + h - r}`,
    `C${x + w} ${y + h - r + c} ${x + w - r + c} ${y + h} ${x + w - r} ${y + h}`,
    `L${x + r} ${y + h}`,
    `C${x + r - c} ${y + h} ${x} ${y + h - r + c} ${x} ${y + h - r}`,
    `L${x} ${y + r}`,
    `C${x} ${y + r - c} ${x + r - c} ${y} ${x + r} ${y}`,
    'Z',
  ].join(' ');
}

// A circle of four cubic quarters; `reverse` winds it the other way, so an inner circle cuts a hole
// under SVG's default nonzero fill rule just as it does under the rasteriser's even-odd rule.
function circle(cx, cy, r, reverse = false) {
  const c = r * K;
  const quarters = [
    [cx + r, cy, cx + r, cy + c, cx + c, cy + r, cx, cy + r],
    [cx, cy + r, cx - c, cy + r, cx - r, cy + c, cx - r, cy],
    [cx - r, cy, cx - r, cy - c, cx - c, cy - r, cx, cy - r],
    [cx, cy - r, cx + c, cy - r, cx + r, cy - c, cx + r, cy],
  ];
  const segments = reverse
    ? quarters.reverse().map(([x0, y0, x1, y1, x2, y2]) => `C${x2} ${y2} ${x1} ${y1} ${x0} ${y0}`)
    : quarters.map(([, , x1, y1, x2, y2, x3, y3]) => `C${x1} ${y1} ${x2} ${y2} ${x3} ${y3}`);
  return [`M${cx + r} ${cy}`, ...segments, 'Z'].join(' ');
}

// A shield in a square of side `s` starting at (x, y).
function shield(x, y, s) {
  const p = (u, v) => `${x + u * s} ${y + v * s}`;
  return [
    `M${p(0.5, 0.04)}`,
    `L${p(0.88, 0.18)}`,
    `L${p(0.88, 0.47)}`,
    `C${p(0.88, 0.72)} ${p(0.72, 0.88)} ${p(0.5, 0.97)}`,
    `C${p(0.28, 0.88)} ${p(0.12, 0.72)} ${p(0.12, 0.47)}`,
    `L${p(0.12, 0.18)}`,
    'Z',
  ].join(' ');
}

const TEAL = '#0f766e';
const TEAL_LIGHT = '#14b8a6';
const WHITE = '#ffffff';
const RED = '#dc2626';
const AMBER = '#d97706';

// App icon, 512 units: teal tile, white shield, teal archive box on the shield.
const appIcon = {
  size: 512,
  layers: [
    { d: roundedRect(24, 24, 464, 464, 104), fill: { gradient: [TEAL_LIGHT, TEAL], from: 24, to: 488 } },
    { d: shield(96, 84, 320), fill: WHITE },
    { d: roundedRect(180, 190, 152, 36, 10), fill: TEAL },
    { d: roundedRect(192, 234, 128, 104, 12), fill: TEAL },
    { d: roundedRect(230, 256, 52, 14, 7), fill: WHITE },
  ],
};

// Tray icons, 32 units: a shield with a cut-out glyph that tells the state apart even in monochrome.
const boxGlyph = [roundedRect(10, 9.5, 12, 3.5, 1), roundedRect(11, 14, 10, 8.5, 1.2)];
const arrowGlyph = ['M16 7.5 L22.5 14.5 L18.6 14.5 L18.6 22.5 L13.4 22.5 L13.4 14.5 L9.5 14.5 Z'];
const alertGlyph = [roundedRect(14.2, 7.5, 3.6, 10.5, 1.6), roundedRect(14.2, 20, 3.6, 3.6, 1.8)];
// Warning means "no recent backup": a clock (ring and hands at three o'clock), so it differs from
// the error's exclamation mark by shape, not only by colour, and stays distinct as a Template image.
const clockGlyph = [
  `${circle(16, 15, 8.5)} ${circle(16, 15, 6, true)}`,
  'M14.8 9.6 L17.2 9.6 L17.2 13.8 L20.8 13.8 L20.8 16.2 L14.8 16.2 Z',
];
const trayStates = {
  idle: { color: TEAL, glyph: boxGlyph },
  running: { color: '#0d9488', glyph: arrowGlyph },
  error: { color: RED, glyph: alertGlyph },
  warning: { color: AMBER, glyph: clockGlyph },
};

function trayScene(state, template) {
  const { color, glyph } = trayStates[state];
  const layers = [{ d: shield(0, 0, 32), fill: template ? '#000000' : color }];
  for (const d of glyph) layers.push(template ? { d, erase: true } : { d, fill: WHITE });
  return { size: 32, layers };
}

// ---- SVG ---------------------------------------------------------------------------------------

function toSvg(scene) {
  const defs = [];
  const body = scene.layers.map((layer, i) => {
    if (typeof layer.fill === 'string') return `  <path d="${layer.d}" fill="${layer.fill}"/>`;
    const id = `g${i}`;
    const [top, bottom] = layer.fill.gradient;
    defs.push(
      `    <linearGradient id="${id}" x1="0" y1="${layer.fill.from}" x2="0" y2="${layer.fill.to}" gradientUnits="userSpaceOnUse">` +
        `<stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>`,
    );
    return `  <path d="${layer.d}" fill="url(#${id})"/>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.size}" height="${scene.size}" viewBox="0 0 ${scene.size} ${scene.size}">`,
    defs.length > 0 ? `  <defs>\n${defs.join('\n')}\n  </defs>` : '',
    ...body,
    '</svg>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

// ---- rasteriser ------------------------------------------------------------------------------

function flatten(d) {
  const tokens = d.match(/[MLCZ]|-?\d*\.?\d+/g);
  const polygons = [];
  let current = [];
  let i = 0;
  const num = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const cmd = tokens[i++];
    if (cmd === 'M') {
      if (current.length > 0) polygons.push(current);
      current = [[num(), num()]];
    } else if (cmd === 'L') {
      current.push([num(), num()]);
    } else if (cmd === 'C') {
      const [x0, y0] = current[current.length - 1];
      const [x1, y1, x2, y2, x3, y3] = [num(), num(), num(), num(), num(), num()];
      for (let s = 1; s <= 16; s += 1) {
        const t = s / 16;
        const u = 1 - t;
        current.push([
          u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
          u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3,
        ]);
      }
    } else if (cmd === 'Z') {
      polygons.push(current);
      current = [];
    }
  }
  if (current.length > 0) polygons.push(current);
  return polygons;
}

// Even-odd crossings of the horizontal line at `y`, sorted: a scanline is inside between pairs.
function crossings(polygons, y) {
  const xs = [];
  for (const poly of polygons) {
    for (let a = 0, b = poly.length - 1; a < poly.length; b = a, a += 1) {
      const [xa, ya] = poly[a];
      const [xb, yb] = poly[b];
      if (ya > y !== yb > y) xs.push(((xb - xa) * (y - ya)) / (yb - ya) + xa);
    }
  }
  return xs.sort((p, q) => p - q);
}

const hex = (color) => [1, 3, 5].map((o) => parseInt(color.slice(o, o + 2), 16));

function rasterise(scene, pixels) {
  const scale = scene.size / pixels;
  const rgba = new Float64Array(pixels * pixels * 4);
  const grid = 5; // 25 samples per pixel for smooth edges at 16 px
  for (const layer of scene.layers) {
    const polygons = flatten(layer.d);
    const hits = new Float64Array(pixels);
    for (let py = 0; py < pixels; py += 1) {
      hits.fill(0);
      for (let sy = 0; sy < grid; sy += 1) {
        const xs = crossings(polygons, (py + (sy + 0.5) / grid) * scale);
        let next = 0;
        for (let s = 0; s < pixels * grid; s += 1) {
          const x = ((s + 0.5) / grid) * scale;
          while (next < xs.length && xs[next] <= x) next += 1;
          if (next % 2 === 1) hits[Math.floor(s / grid)] += 1;
        }
      }
      for (let px = 0; px < pixels; px += 1) {
        if (hits[px] === 0) continue;
        const coverage = hits[px] / (grid * grid);
        const o = (py * pixels + px) * 4;
        if (layer.erase) {
          rgba[o + 3] *= 1 - coverage;
          continue;
        }
        let color;
        if (typeof layer.fill === 'string') color = hex(layer.fill);
        else {
          const [a, b] = layer.fill.gradient.map(hex);
          const t = Math.min(
            1,
            Math.max(0, ((py + 0.5) * scale - layer.fill.from) / (layer.fill.to - layer.fill.from)),
          );
          color = a.map((v, k) => v + (b[k] - v) * t);
        }
        // Straight-alpha "source over".
        const dstA = rgba[o + 3];
        const outA = coverage + dstA * (1 - coverage);
        for (let k = 0; k < 3; k += 1) {
          rgba[o + k] = (color[k] * coverage + rgba[o + k] * dstA * (1 - coverage)) / outA;
        }
        rgba[o + 3] = outA;
      }
    }
  }
  return rgba;
}

// ---- PNG ---------------------------------------------------------------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}
function encodePng(rgba, pixels) {
  const raw = Buffer.alloc(pixels * (pixels * 4 + 1));
  for (let y = 0; y < pixels; y += 1) {
    raw[y * (pixels * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < pixels; x += 1) {
      const o = (y * pixels + x) * 4;
      const r = y * (pixels * 4 + 1) + 1 + x * 4;
      const a = rgba[o + 3];
      for (let k = 0; k < 3; k += 1) raw[r + k] = a === 0 ? 0 : Math.round(rgba[o + k]);
      raw[r + 3] = Math.round(a * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(pixels, 0);
  header.writeUInt32BE(pixels, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function writePng(name, scene, pixels) {
  writeFileSync(path.join(outDir, name), encodePng(rasterise(scene, pixels), pixels));
}

// ---- outputs -----------------------------------------------------------------------------------

writeFileSync(path.join(outDir, 'icon.svg'), toSvg(appIcon));
writePng('icon-512.png', appIcon, 512);
writePng('icon-256.png', appIcon, 256);
for (const state of Object.keys(trayStates)) {
  writeFileSync(path.join(outDir, `tray-${state}.svg`), toSvg(trayScene(state, false)));
  writePng(`tray-${state}.png`, trayScene(state, false), 16);
  writePng(`tray-${state}@2x.png`, trayScene(state, false), 32);
  writePng(`tray-${state}-32.png`, trayScene(state, false), 32);
  writePng(`tray-${state}-32@2x.png`, trayScene(state, false), 64);
  writePng(`tray-${state}Template.png`, trayScene(state, true), 16);
  writePng(`tray-${state}Template@2x.png`, trayScene(state, true), 32);
}
console.log(`Icons written to ${outDir}`);
