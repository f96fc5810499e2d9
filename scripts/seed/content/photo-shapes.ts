/**
 * Small drawing kit for the demo photo generator (photos.ts): a seeded PRNG, colour
 * helpers, an SVG builder and reusable shapes (trees, people, ridges, flasks...).
 * Everything is plain shapes and gradients; no text, fonts or external resources.
 */

/** mulberry32: tiny deterministic PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** HSL (degrees, percent, percent) to a #rrggbb string. */
export function hsl(h: number, s: number, l: number): string {
  const hh = (((h % 360) + 360) % 360) / 360;
  const ss = Math.max(0, Math.min(100, s)) / 100;
  const ll = Math.max(0, Math.min(100, l)) / 100;
  const q = ll < 0.5 ? ll * (1 + ss) : ll + ss - ll * ss;
  const p = 2 * ll - q;
  const ch = (t0: number): string => {
    const t = t0 < 0 ? t0 + 1 : t0 > 1 ? t0 - 1 : t0;
    const v = t < 1 / 6 ? p + (q - p) * 6 * t : t < 1 / 2 ? q : t < 2 / 3 ? p + (q - p) * (2 / 3 - t) * 6 : p;
    return Math.round(v * 255).toString(16).padStart(2, "0");
  };
  return `#${ch(hh + 1 / 3)}${ch(hh)}${ch(hh - 1 / 3)}`;
}

/** Rounds to one decimal for compact output. */
export const f = (n: number): string => String(Math.round(n * 10) / 10);

export type Attrs = Record<string, string | number | undefined>;
/** A gradient stop: offset 0–1, colour, optional opacity. */
export type Stop = [number, string, number?];

const attrs = (a: Attrs): string =>
  Object.entries(a)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? f(v) : v}"`)
    .join("");

/** Collects SVG elements and definitions; h is fixed at 1000 user units, w follows the aspect ratio. */
export class Canvas {
  private readonly body: string[] = [];
  private readonly defs: string[] = [];
  private ids = 0;
  private readonly rnd: () => number;
  constructor(readonly w: number, readonly h: number, seed: number) {
    this.rnd = mulberry32(seed);
  }
  r(a = 0, b = 1): number {
    return a + (b - a) * this.rnd();
  }
  ri(a: number, b: number): number {
    return Math.floor(this.r(a, b + 1));
  }
  pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.rnd() * xs.length)];
    if (x === undefined) throw new Error("pick from empty list");
    return x;
  }
  el(tag: string, a: Attrs): this {
    this.body.push(`<${tag}${attrs(a)}/>`);
    return this;
  }
  open(a: Attrs): this {
    this.body.push(`<g${attrs(a)}>`);
    return this;
  }
  close(): this {
    this.body.push("</g>");
    return this;
  }
  rect(x: number, y: number, w: number, h: number, fill: string, a: Attrs = {}): this {
    return this.el("rect", { x, y, width: w, height: h, fill, ...a });
  }
  circle(cx: number, cy: number, r: number, fill: string, a: Attrs = {}): this {
    return this.el("circle", { cx, cy, r, fill, ...a });
  }
  ellipse(cx: number, cy: number, rx: number, ry: number, fill: string, a: Attrs = {}): this {
    return this.el("ellipse", { cx, cy, rx, ry, fill, ...a });
  }
  path(d: string, fill: string, a: Attrs = {}): this {
    return d ? this.el("path", { d, fill, ...a }) : this;
  }
  poly(pts: readonly number[], fill: string, a: Attrs = {}): this {
    return this.el("polygon", { points: pts.map(f).join(" "), fill, ...a });
  }
  /** Stroked open path (lines, rails, limbs). */
  stroke(d: string, color: string, width: number, a: Attrs = {}): this {
    return this.path(d, "none", { stroke: color, "stroke-width": width, "stroke-linecap": "round", ...a });
  }
  private stops(stops: readonly Stop[]): string {
    return stops
      .map(([o, c, op]) => `<stop offset="${f(o)}" stop-color="${c}"${op === undefined ? "" : ` stop-opacity="${Math.round(op * 100) / 100}"`}/>`)
      .join("");
  }
  /** Linear gradient in object-bounding-box units; returns a url(#id) paint. */
  lin(stops: readonly Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
    const id = `g${this.ids++}`;
    this.defs.push(`<linearGradient id="${id}" x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}">${this.stops(stops)}</linearGradient>`);
    return `url(#${id})`;
  }
  /** Radial gradient in object-bounding-box units; returns a url(#id) paint. */
  rad(stops: readonly Stop[], cx = 0.5, cy = 0.5, r = 0.5): string {
    const id = `g${this.ids++}`;
    this.defs.push(`<radialGradient id="${id}" cx="${f(cx * 100)}%" cy="${f(cy * 100)}%" r="${f(r * 100)}%">${this.stops(stops)}</radialGradient>`);
    return `url(#${id})`;
  }
  /** Defines a clip path from raw SVG shapes; returns a url(#id) reference. */
  clip(inner: string): string {
    const id = `c${this.ids++}`;
    this.defs.push(`<clipPath id="${id}">${inner}</clipPath>`);
    return `url(#${id})`;
  }
  /** Tiling pattern from raw SVG shapes in a w×h cell; returns a url(#id) paint. */
  pattern(inner: string, w: number, h: number): string {
    const id = `p${this.ids++}`;
    this.defs.push(`<pattern id="${id}" width="${f(w)}" height="${f(h)}" patternUnits="userSpaceOnUse">${inner}</pattern>`);
    return `url(#${id})`;
  }
  /** Soft glow: a circle filled with a radial gradient fading to transparent. */
  glow(cx: number, cy: number, r: number, color: string, strength = 0.6): this {
    return this.circle(cx, cy, r, this.rad([[0, color, strength], [0.4, color, strength * 0.35], [1, color, 0]]));
  }
  svg(width: number, height: number): string {
    const vig = this.rad([[0.55, "#000", 0], [1, "#000", 0.32]], 0.5, 0.5, 0.75);
    this.rect(0, 0, this.w, this.h, vig);
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${f(this.w)} ${this.h}" preserveAspectRatio="xMidYMid slice">` +
      `<defs>${this.defs.join("")}</defs>${this.body.join("")}</svg>`
    );
  }
}

/** A rectangle as [x, y, width, height]. */
export type Box = [number, number, number, number];

/** Path data for many rectangles: [x, y, w, h] each. */
export const rectsD = (rs: readonly (readonly [number, number, number, number])[]): string =>
  rs.map(([x, y, w, h]) => `M${f(x)} ${f(y)}h${f(w)}v${f(h)}h${f(-w)}z`).join("");

/** Path data for a circle, so many circles can share one path element. */
export const circleD = (cx: number, cy: number, r: number, ry = r): string =>
  `M${f(cx - r)} ${f(cy)}a${f(r)} ${f(ry)} 0 1 1 ${f(2 * r)} 0a${f(r)} ${f(ry)} 0 1 1 ${f(-2 * r)} 0z`;

/** Smooth closed silhouette of a ridge line from x0 to x1 around baseY, filled down to `bottom`. */
export function ridgeD(c: Canvas, baseY: number, amp: number, n: number, bottom: number, x0 = -20, x1 = c.w + 20): string {
  const pts: [number, number][] = [];
  let y = baseY + c.r(-amp, amp) * 0.5;
  for (let i = 0; i <= n; i++) {
    y = Math.max(baseY - amp, Math.min(baseY + amp * 0.4, y + c.r(-amp, amp) * 0.7));
    pts.push([x0 + ((x1 - x0) * i) / n, y]);
  }
  let d = `M${f(x0)} ${f(bottom)}L${f(x0)} ${f(pts[0]?.[1] ?? baseY)}`;
  for (let i = 0; i < pts.length - 1; i++) {
    const p = pts[i];
    const q = pts[i + 1];
    if (!p || !q) continue;
    d += `Q${f(p[0])} ${f(p[1])} ${f((p[0] + q[0]) / 2)} ${f((p[1] + q[1]) / 2)}`;
  }
  const last = pts[pts.length - 1];
  return `${d}L${f(x1)} ${f(last?.[1] ?? baseY)}L${f(x1)} ${f(bottom)}z`;
}

/** Round deciduous tree: trunk, dark canopy, lighter highlights. */
export function tree(c: Canvas, x: number, ground: number, s: number, leaf: number, light = 0): void {
  c.rect(x - s * 0.06, ground - s * 0.9, s * 0.12, s * 0.9, hsl(25, 30, 22 + light));
  c.ellipse(x, ground + 2, s * 0.55, s * 0.08, "#000", { opacity: 0.15 });
  const blobs: [number, number, number][] = [[0, -1.05, 0.5], [-0.32, -0.85, 0.36], [0.34, -0.82, 0.38], [0.05, -1.4, 0.34]];
  c.path(blobs.map(([dx, dy, r]) => circleD(x + dx * s, ground + dy * s, r * s * c.r(0.9, 1.1))).join(""), hsl(leaf, 38, 28 + light));
  c.path(blobs.slice(0, 3).map(([dx, dy, r]) => circleD(x + dx * s - s * 0.08, ground + dy * s - s * 0.1, r * s * 0.6)).join(""), hsl(leaf - 8, 42, 38 + light), { opacity: 0.8 });
}

/** Path data for a conifer of height s standing at (x, ground). */
export const pineD = (x: number, ground: number, s: number): string => {
  const w = s * 0.32;
  const t = ground - s;
  return `M${f(x)} ${f(t)}L${f(x + w * 0.55)} ${f(t + s * 0.38)}L${f(x + w * 0.3)} ${f(t + s * 0.38)}L${f(x + w * 0.8)} ${f(t + s * 0.68)}L${f(x + w * 0.45)} ${f(t + s * 0.68)}L${f(x + w)} ${f(ground - s * 0.08)}L${f(x + w * 0.1)} ${f(ground - s * 0.08)}L${f(x + w * 0.1)} ${f(ground)}L${f(x - w * 0.1)} ${f(ground)}L${f(x - w * 0.1)} ${f(ground - s * 0.08)}L${f(x - w)} ${f(ground - s * 0.08)}L${f(x - w * 0.45)} ${f(t + s * 0.68)}L${f(x - w * 0.8)} ${f(t + s * 0.68)}L${f(x - w * 0.3)} ${f(t + s * 0.38)}L${f(x - w * 0.55)} ${f(t + s * 0.38)}z`;
};

/** Path data for a standing or seated person silhouette (head + torso), feet/base at `base`. */
export const personD = (x: number, base: number, h: number, broad = 1): string => {
  const r = h * 0.09;
  const hy = base - h + r;
  const sy = hy + r * 1.75;
  const sw = h * 0.15 * broad;
  return (
    circleD(x, hy, r) +
    `M${f(x - sw)} ${f(sy + sw * 0.6)}Q${f(x - sw)} ${f(sy)} ${f(x)} ${f(sy)}Q${f(x + sw)} ${f(sy)} ${f(x + sw)} ${f(sy + sw * 0.6)}` +
    `L${f(x + sw * 0.75)} ${f(base)}L${f(x - sw * 0.75)} ${f(base)}z`
  );
};

/** Path data for a standing figure with legs and arms, feet at `base` (all parts wound clockwise). */
export const standingD = (x: number, base: number, h: number): string => {
  const r = h * 0.075;
  const hy = base - h + r;
  const sy = hy + r * 1.5;
  const sw = h * 0.12;
  const hip = base - h * 0.47;
  const pt = (dx: number, y: number): string => `${f(x + dx * sw)} ${f(y)}`;
  return (
    circleD(x, hy, r) +
    `M${pt(-1, sy + sw * 0.4)}Q${pt(-1, sy)} ${pt(0, sy)}Q${pt(1, sy)} ${pt(1, sy + sw * 0.4)}L${pt(0.85, hip)}L${pt(0.75, base)}L${pt(0.12, base)}` +
    `L${pt(0, hip + h * 0.1)}L${pt(-0.12, base)}L${pt(-0.75, base)}L${pt(-0.85, hip)}z` +
    `M${pt(-1, sy + sw * 0.3)}L${pt(-0.75, sy + sw)}L${pt(-1.05, hip + h * 0.06)}L${pt(-1.35, hip + h * 0.05)}z` +
    `M${pt(0.75, sy + sw)}L${pt(1, sy + sw * 0.3)}L${pt(1.35, hip + h * 0.05)}L${pt(1.05, hip + h * 0.06)}z`
  );
};

/** Stroked stick figure in motion (runner / player), colour per team; returns nothing, draws directly. */
export function runner(c: Canvas, x: number, foot: number, h: number, color: string, skin: string, phase: number): void {
  const hip: [number, number] = [x, foot - h * 0.48];
  const neck: [number, number] = [x + h * 0.08, foot - h * 0.82];
  const lw = h * 0.085;
  const leg = (a: number): string => {
    const kx = hip[0] + Math.sin(a) * h * 0.2;
    const ky = hip[1] + h * 0.24;
    return `M${f(hip[0])} ${f(hip[1])}L${f(kx)} ${f(ky)}L${f(kx + Math.sin(a - 0.8) * h * 0.2)} ${f(foot - Math.max(0, Math.sin(a)) * h * 0.06)}`;
  };
  const arm = (a: number): string =>
    `M${f(neck[0])} ${f(neck[1] + lw)}L${f(neck[0] + Math.sin(a) * h * 0.16)} ${f(neck[1] + h * 0.16)}L${f(neck[0] + Math.sin(a) * h * 0.16 + h * 0.1)} ${f(neck[1] + h * 0.1 - Math.sin(a) * h * 0.08)}`;
  c.ellipse(x, foot, h * 0.22, h * 0.03, "#000", { opacity: 0.18 });
  c.stroke(leg(phase) + leg(phase + Math.PI), hsl(0, 0, 18), lw, { "stroke-linejoin": "round" });
  c.stroke(arm(phase + Math.PI) + arm(phase), skin, lw * 0.8, { "stroke-linejoin": "round" });
  c.stroke(`M${f(hip[0])} ${f(hip[1])}L${f(neck[0])} ${f(neck[1] + lw * 0.6)}`, color, lw * 1.9);
  c.circle(neck[0] + h * 0.02, neck[1] - h * 0.07, h * 0.075, skin);
}

/** Erlenmeyer flask with liquid at `level` (0–1) standing at (x, base), height h. */
export function flask(c: Canvas, x: number, base: number, h: number, liquid: string, level: number): void {
  const nw = h * 0.12;
  const bw = h * 0.42;
  const neckY = base - h * 0.55;
  const top = base - h;
  const ly = base - h * 0.55 * level;
  const lwid = nw + (bw - nw) * ((ly - neckY) / (base - neckY));
  c.poly([x - lwid, ly, x + lwid, ly, x + bw, base, x - bw, base], liquid, { opacity: 0.85 });
  c.rect(x - lwid, ly - 3, lwid * 2, 6, "#fff", { opacity: 0.35 });
  c.path(`M${f(x - nw)} ${f(top)}L${f(x - nw)} ${f(neckY)}L${f(x - bw)} ${f(base - 6)}Q${f(x - bw)} ${f(base)} ${f(x - bw + 8)} ${f(base)}L${f(x + bw - 8)} ${f(base)}Q${f(x + bw)} ${f(base)} ${f(x + bw)} ${f(base - 6)}L${f(x + nw)} ${f(neckY)}L${f(x + nw)} ${f(top)}z`,
    "#fff", { "fill-opacity": 0.22, stroke: "#fff", "stroke-opacity": 0.75, "stroke-width": 3, "stroke-linejoin": "round" });
  c.stroke(`M${f(x - bw * 0.55)} ${f(base - h * 0.1)}L${f(x - nw * 0.4)} ${f(neckY + h * 0.04)}`, "#fff", 4, { opacity: 0.5 });
}

/** Beaker (cylinder with a lip) with liquid level 0–1. */
export function beaker(c: Canvas, x: number, base: number, w: number, h: number, liquid: string, level: number): void {
  c.rect(x - w / 2, base - h * level, w, h * level, liquid, { opacity: 0.8, rx: 4 });
  c.path(`M${f(x - w / 2 - 6)} ${f(base - h)}L${f(x - w / 2)} ${f(base - h + 8)}L${f(x - w / 2)} ${f(base)}L${f(x + w / 2)} ${f(base)}L${f(x + w / 2)} ${f(base - h)}z`,
    "#fff", { "fill-opacity": 0.2, stroke: "#fff", "stroke-opacity": 0.75, "stroke-width": 3, "stroke-linejoin": "round" });
  const ticks = [0.3, 0.45, 0.6, 0.75].map((t) => `M${f(x - w / 2 + 6)} ${f(base - h * t)}h${f(w * 0.25)}`).join("");
  c.stroke(ticks, "#fff", 2, { opacity: 0.6 });
}

/** Birds in flight as little stroked "v" shapes. */
export function birds(c: Canvas, n: number, x0: number, x1: number, y0: number, y1: number, color: string): void {
  let d = "";
  for (let i = 0; i < n; i++) {
    const x = c.r(x0, x1);
    const y = c.r(y0, y1);
    const s = c.r(7, 14);
    d += `M${f(x - s)} ${f(y - s * 0.3)}Q${f(x - s * 0.5)} ${f(y - s * 0.7)} ${f(x)} ${f(y)}Q${f(x + s * 0.5)} ${f(y - s * 0.7)} ${f(x + s)} ${f(y - s * 0.3)}`;
  }
  c.stroke(d, color, 2.5, { "stroke-linejoin": "round" });
}

/** Cluster of soft clouds. */
export function cloud(c: Canvas, x: number, y: number, s: number, opacity = 0.85): void {
  const parts: [number, number, number][] = [[0, 0, 1], [-0.9, 0.25, 0.7], [0.95, 0.2, 0.75], [0.4, -0.35, 0.75], [-0.45, -0.2, 0.6]];
  c.path(parts.map(([dx, dy, r]) => circleD(x + dx * s, y + dy * s, r * s * c.r(0.85, 1.1))).join("") +
    circleD(x, y + 0.35 * s, 1.7 * s, 0.4 * s), "#fff", { opacity });
}

/** Daytime sky down to `horizon`, tinted by the hue, with a sun glow and a few clouds. */
export function daySky(c: Canvas, hue: number, horizon: number, clouds = 3): void {
  const sh = 200 + ((hue % 90) - 45) * 0.4;
  c.rect(0, 0, c.w, horizon + 20, c.lin([[0, hsl(sh, 50, 56)], [0.65, hsl(sh - 6, 55, 78)], [1, hsl(hue + 30, 60, 88)]]));
  c.glow(c.w * c.r(0.15, 0.85), horizon * c.r(0.2, 0.5), 320, hsl(45, 100, 92), 0.75);
  for (let i = 0; i < clouds; i++) cloud(c, c.r(0, c.w), c.r(70, horizon * 0.45), c.r(35, 70), c.r(0.6, 0.9));
}

/** A brick wing with a cornice, a low roof and a grid of trimmed windows. */
export function wing(c: Canvas, x0: number, x1: number, top: number, ground: number, brick: string, shade = 0): void {
  c.poly([x0 + 10, top, x0 + 40, top - 45, x1 - 40, top - 45, x1 - 10, top], hsl(215, 14, 30 - shade));
  c.rect(x0, top, x1 - x0, ground - top, brick);
  c.rect(x0 - 6, top, x1 - x0 + 12, 14, hsl(40, 25, 82 - shade));
  const cols = Math.max(1, Math.floor((x1 - x0 - 30) / 64));
  const step = (x1 - x0) / cols;
  const trims: Box[] = [];
  const glass: Box[] = [];
  for (let y = top + 50; y < ground - 90; y += 92)
    for (let i = 0; i < cols; i++) {
      const x = x0 + step * (i + 0.5) - 15;
      trims.push([x - 5, y - 5, 40, 68]);
      glass.push([x, y, 30, 58]);
    }
  c.path(rectsD(trims), hsl(40, 25, 86 - shade));
  c.path(rectsD(glass), c.lin([[0, hsl(210, 30, 45)], [1, hsl(215, 30, 24)]]));
  c.rect(x0, ground - 60, x1 - x0, 60, "#000", { opacity: 0.12 });
}

/** Rack of six test tubes with coloured liquids, standing on the bench at (x, b). */
export function tubeRack(c: Canvas, x: number, b: number, liq: readonly string[], hue: number): void {
  c.rect(x - 90, b - 70, 180, 12, hsl(hue + 200, 20, 85));
  c.rect(x - 90, b - 20, 180, 20, hsl(hue + 200, 20, 80));
  for (let i = 0; i < 6; i++) {
    const tx = x - 75 + i * 30;
    const lv = c.r(30, 90);
    c.rect(tx, b - 10 - lv, 18, lv, liq[i % 3] ?? "#888", { rx: 9, opacity: 0.85 });
    c.rect(tx, b - 150, 18, 140, "#fff", { rx: 9, "fill-opacity": 0.2, stroke: "#fff", "stroke-opacity": 0.7, "stroke-width": 2.5 });
  }
}

/** Round-bottom flask clamped to a retort stand at (x, b). */
export function roundFlask(c: Canvas, x: number, b: number, col: string): void {
  c.rect(x - 60, b - 16, 120, 16, hsl(0, 0, 25), { rx: 4 });
  c.rect(x + 34, b - 420, 10, 410, hsl(0, 0, 60));
  c.rect(x - 10, b - 330, 60, 12, hsl(0, 0, 45));
  c.circle(x, b - 150, 85, col, { opacity: 0.75 });
  c.circle(x, b - 150, 88, "#fff", { "fill-opacity": 0.15, stroke: "#fff", "stroke-opacity": 0.75, "stroke-width": 3 });
  c.rect(x - 14, b - 320, 28, 90, "#fff", { "fill-opacity": 0.2, stroke: "#fff", "stroke-opacity": 0.75, "stroke-width": 3 });
  c.circle(x - 35, b - 185, 18, "#fff", { opacity: 0.45 });
}

/** Sailing boat or small motor boat with a faint reflection, waterline at (bx, by), scale s. */
export function boat(c: Canvas, bx: number, by: number, s: number, motor: boolean, hue: number): void {
  const hull = `M${f(bx - 110 * s)} ${f(by - 30 * s)}H${f(bx + 120 * s)}L${f(bx + 90 * s)} ${f(by)}H${f(bx - 90 * s)}z`;
  c.path(hull, hsl(hue + 180, 15, 90), { opacity: 0.25, transform: `matrix(1 0 0 -0.6 0 ${f(by * 1.6)})` });
  c.path(hull, motor ? hsl(hue, 45, 40) : hsl(0, 0, 95));
  if (motor) {
    c.rect(bx - 40 * s, by - 80 * s, 90 * s, 50 * s, hsl(0, 0, 95));
    c.rect(bx - 25 * s, by - 68 * s, 60 * s, 14 * s, hsl(210, 30, 30));
    c.rect(bx + 10 * s, by - 110 * s, 22 * s, 30 * s, hsl(hue + 30, 50, 45));
  } else {
    c.stroke(`M${f(bx)} ${f(by - 30 * s)}V${f(by - 260 * s)}`, hsl(0, 0, 30), 4);
    c.poly([bx + 6, by - 255 * s, bx + 6, by - 40 * s, bx + 100 * s, by - 40 * s], hsl(0, 0, 97));
    c.poly([bx - 6, by - 230 * s, bx - 6, by - 40 * s, bx - 80 * s, by - 40 * s], hsl(hue + 30, 40, 80));
  }
}

/** Observatory: drum building with a slit dome and a telescope, centred at x = ox; n is the night hue. */
export function observatory(c: Canvas, ox: number, n: number): void {
  c.rect(ox - 120, 640, 240, 170, hsl(n + 10, 15, 70));
  c.path(`M${f(ox - 135)} 645A135 135 0 0 1 ${f(ox + 135)} 645z`, c.lin([[0, hsl(n + 10, 15, 90)], [1, hsl(n + 10, 15, 62)]], 0, 0, 1, 0));
  c.poly([ox - 18, 512, ox + 18, 512, ox + 24, 645, ox - 24, 645], hsl(n + 10, 30, 12));
  c.stroke(`M${f(ox)} 600L${f(ox + 90)} 470`, hsl(0, 0, 80), 26, { "stroke-linecap": "butt" });
  c.rect(ox - 80, 730, 40, 40, hsl(45, 90, 68));
  c.glow(ox - 60, 750, 90, hsl(45, 90, 68), 0.5);
  c.rect(ox - 30, 740, 50, 70, hsl(n + 10, 20, 30));
}

/** Stylised light microscope standing on its base at x = mx; m is the metal hue. */
export function microscopeProp(c: Canvas, mx: number, m: number, hue: number): void {
  const ax = mx - 40;
  const metal = c.lin([[0, hsl(m, 8, 90)], [1, hsl(m, 10, 64)]], 0, 0, 1, 0);
  const dark = hsl(m, 14, 24);
  const tilt = `rotate(-28 ${f(ax)} 330)`;
  c.path(`M${f(mx + 80)} 870C${f(mx + 200)} 760 ${f(mx + 210)} 460 ${f(mx + 40)} 300L${f(mx - 10)} 340C${f(mx + 120)} 470 ${f(mx + 120)} 720 ${f(mx + 10)} 870z`, hsl(m, 12, 32));
  c.rect(mx - 170, 860, 320, 50, metal, { rx: 16 });
  c.rect(ax - 35, 835, 70, 26, dark, { rx: 6 });
  c.glow(ax, 640, 150, hsl(hue + 20, 80, 85), 0.6);
  c.rect(ax - 140, 640, 280, 24, dark, { rx: 6 });
  c.rect(ax - 80, 631, 160, 9, hsl(m - 10, 40, 85), { opacity: 0.8 });
  c.rect(ax - 28, 130, 56, 210, metal, { rx: 8, transform: tilt });
  c.rect(ax - 24, 95, 48, 50, dark, { rx: 8, transform: tilt });
  c.rect(ax - 50, 300, 100, 95, metal, { rx: 14 });
  c.poly([ax - 55, 390, ax + 55, 390, ax + 38, 425, ax - 38, 425], dark);
  c.rect(ax - 16, 420, 32, 120, metal, { rx: 6 });
  c.rect(ax - 11, 536, 22, 45, dark, { rx: 5 });
  c.rect(ax + 30, 420, 24, 80, metal, { rx: 6, transform: `rotate(-18 ${f(ax + 42)} 420)` });
  c.circle(mx + 125, 580, 44, hsl(m, 10, 48), { stroke: dark, "stroke-width": 10 });
}
