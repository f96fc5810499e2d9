/**
 * Demo photographs for the seed: flat, poster-style illustrations drawn from shapes and
 * gradients (no text, fonts or embedded images). The hue shifts the palette and the seed
 * varies positions and sizes, so photographs of one scene still differ.
 */
import type { PhotoScene, PhotoSpec } from "./types";
import {
  beaker, birds, boat, type Box, Canvas, circleD, cloud, daySky, f, flask, hsl, microscopeProp, observatory, personD, pineD, rectsD, ridgeD,
  roundFlask, runner, standingD, tree, tubeRack, wing,
} from "./photo-shapes";

type Draw = (c: Canvas, hue: number) => void;

const campus: Draw = (c, hue) => {
  const { w } = c;
  const g = 640;
  daySky(c, hue, g);
  c.path(ridgeD(c, g - 70, 30, 16, g + 5), hsl(150, 18, 52));
  const brick = hsl(10 + (hue % 16), 42, 44);
  const tx = w * c.r(0.38, 0.62);
  wing(c, -30, tx - 50, c.r(370, 430), g, brick);
  wing(c, tx + 50, w + 30, c.r(390, 450), g, hsl(12 + (hue % 16), 38, 40), 4);
  const tw = 66;
  c.rect(tx - tw, 300, tw * 2, g - 300, hsl(12 + (hue % 16), 40, 40));
  c.rect(tx - tw - 8, 190, tw * 2 + 16, 120, hsl(40, 22, 80));
  c.poly([tx - tw - 14, 192, tx, 30, tx + tw + 14, 192], c.lin([[0, hsl(170, 28, 50)], [1, hsl(175, 30, 34)]], 0, 0, 1, 0));
  c.stroke(`M${f(tx)} 30V0`, hsl(40, 30, 30), 5);
  c.circle(tx, 250, 44, hsl(40, 30, 95), { stroke: hsl(40, 30, 40), "stroke-width": 5 });
  c.stroke(`M${f(tx)} 250l0 -32M${f(tx)} 250l22 10`, hsl(220, 20, 20), 6);
  c.path(rectsD([[tx - 40, 340, 26, 70], [tx + 14, 340, 26, 70], [tx - 40, 450, 26, 70], [tx + 14, 450, 26, 70]]), hsl(215, 30, 26));
  c.rect(tx - 34, g - 110, 68, 110, hsl(25, 35, 25), { rx: 30 });
  c.rect(0, g - 30, w, 40, hsl(120, 25, 30));
  c.rect(0, g, w, 1000 - g, c.lin([[0, hsl(95, 38, 50)], [1, hsl(105, 42, 32)]]));
  c.poly([tx - 34, g, tx + 34, g, tx + w * 0.22, 1000, tx - w * 0.22, 1000], c.lin([[0, hsl(35, 22, 72)], [1, hsl(35, 25, 82)]]));
  const trees: [number, number][] = [];
  for (let i = 0; i < 7; i++) {
    const y = c.r(g + 10, 900);
    const side = i % 2 ? 1 : -1;
    trees.push([tx + side * c.r(0.15, 0.55) * w * (0.5 + (y - g) / 500), y]);
  }
  trees.sort((a, b) => a[1] - b[1]).forEach(([x, y]) => tree(c, x, y, 130 + (y - g) * 0.9, 110 + (hue % 30) - 15));
  let people = "";
  for (let i = 0; i < 4; i++) {
    const y = c.r(g + 60, 900);
    people += standingD(tx + c.r(-0.6, 0.6) * (34 + (y - g) * 0.6), y, 40 + (y - g) * 0.3);
  }
  c.path(people, hsl(hue + 200, 20, 24));
};

const library: Draw = (c, hue) => {
  const { w } = c;
  const fl = 780;
  c.rect(0, 0, w, fl, c.lin([[0, hsl(28, 25, 22)], [1, hsl(30, 25, 40)]]));
  const wx = w / 2;
  const ww = 140;
  const arch = (p: number): string => `M${f(wx - ww - p)} ${f(620 + p)}V${f(260)}A${f(ww + p)} ${f(ww + p)} 0 0 1 ${f(wx + ww + p)} 260V${f(620 + p)}z`;
  c.poly([wx - ww, 620, wx + ww, 620, wx + ww * 2.6, 1000, wx - ww * 1.2, 1000], "#fff8e8", { opacity: 0.07 });
  c.path(arch(22), hsl(35, 20, 70));
  c.path(arch(0), c.lin([[0, hsl(200, 50, 70)], [1, hsl(hue + 30, 50, 92)]]));
  c.stroke(`M${f(wx)} 120V620M${f(wx - ww)} 300H${f(wx + ww)}M${f(wx - ww)} 460H${f(wx + ww)}M${f(wx - ww * 0.5)} 140V620M${f(wx + ww * 0.5)} 140V620`, hsl(30, 20, 25), 7, { "stroke-linecap": "butt" });
  c.glow(wx, 380, 420, "#fff6dd", 0.25);
  const pal = [hsl(hue, 40, 34), hsl(hue + 40, 32, 42), hsl(8, 45, 36), hsl(40, 50, 48), hsl(205, 32, 36), hsl(140, 25, 30), hsl(35, 25, 72), hsl(350, 30, 26)];
  const books = pal.map(() => [] as Box[]);
  const frames: Box[] = [];
  const bays = Math.max(1, Math.floor((wx - ww - 60) / 230));
  for (const side of [-1, 1])
    for (let b = 0; b < bays; b++) {
      const bw = (wx - ww - 60) / bays;
      const x0 = side < 0 ? 20 + b * bw : wx + ww + 40 + b * bw;
      c.rect(x0, 90, bw, fl - 90, hsl(25, 35, 12));
      for (let y = 110; y + 100 < fl; y += 110) {
        frames.push([x0, y + 96, bw, 12]);
        for (let x = x0 + 14; x < x0 + bw - 30; ) {
          const bt = c.r(11, 22);
          const bh = c.r(62, 90);
          if (c.r() < 0.06) { x += c.r(20, 50); continue; }
          books[Math.floor(c.r() * pal.length)]?.push([x, y + 96 - bh, bt, bh]);
          x += bt + 1.5;
        }
      }
      frames.push([x0, 90, 14, fl - 90], [x0 + bw - 14, 90, 14, fl - 90]);
    }
  books.forEach((bs, i) => c.path(rectsD(bs), pal[i] ?? "#777"));
  c.path(rectsD(frames), hsl(25, 38, 30));
  c.rect(0, 50, w, 45, hsl(25, 35, 20));
  c.rect(0, fl, w, 1000 - fl, c.lin([[0, hsl(25, 35, 28)], [1, hsl(22, 35, 16)]]));
  c.stroke(`M${f(w * 0.14)} ${fl - 10}L${f(w * 0.2)} 140M${f(w * 0.14 + 70)} ${fl - 10}L${f(w * 0.2 + 70)} 140` +
    Array.from({ length: 11 }, (_, i) => `M${f(w * 0.14 + (w * 0.06 * i) / 11)} ${f(fl - 10 - i * 58)}h70`).join(""), hsl(30, 35, 42), 8);
  const t0 = w * 0.16;
  const t1 = w * 0.84;
  c.poly([t0 + 40, 835, t1 - 40, 835, t1, 870, t0, 870], hsl(25, 40, 30));
  c.rect(t0, 870, t1 - t0, 22, hsl(22, 40, 18));
  c.path(rectsD([[t0 + 20, 892, 20, 110], [t1 - 40, 892, 20, 110]]), hsl(22, 40, 15));
  for (let i = 0; i < 3; i++) {
    const lx = t0 + ((t1 - t0) * (i + 0.5)) / 3;
    c.glow(lx, 840, 200, "#ffd98a", 0.5);
    c.rect(lx - 3, 790, 6, 50, hsl(42, 50, 50));
    c.path(`M${f(lx - 55)} 800Q${f(lx - 50)} 770 ${f(lx)} 768Q${f(lx + 50)} 770 ${f(lx + 55)} 800z`, hsl(hue + 140, 45, 32));
  }
  let chairs = "";
  for (let i = 0; i < 5; i++) chairs += `M${f(t0 + 60 + i * (t1 - t0 - 120) / 4 - 45)} 1000V930Q${f(t0 + 60 + i * (t1 - t0 - 120) / 4)} 900 ${f(t0 + 60 + i * (t1 - t0 - 120) / 4 + 45)} 930V1000z`;
  c.path(chairs, hsl(22, 35, 12));
};

const lab: Draw = (c, hue) => {
  const { w } = c;
  const b = 640;
  c.rect(0, 0, w, b, c.lin([[0, hsl(hue, 14, 88)], [1, hsl(hue, 12, 76)]]));
  const wx = w * c.r(0.04, 0.1);
  c.rect(wx - 12, 100, w * 0.3 + 24, 380, hsl(hue, 10, 95));
  c.rect(wx, 112, w * 0.3, 356, c.lin([[0, hsl(205, 55, 68)], [1, hsl(190, 40, 88)]]));
  c.stroke(Array.from({ length: 12 }, (_, i) => `M${f(wx)} ${120 + i * 28}h${f(w * 0.3)}`).join(""), "#fff", 9, { opacity: 0.45, "stroke-linecap": "butt" });
  c.stroke(Array.from({ length: 30 }, (_, i) => `M0 ${b - 180 + (i % 6) * 30}h${f(w)}M${f((i * w) / 30)} ${b - 180}v180`).join(""), "#fff", 2, { opacity: 0.5 });
  const sx = w * 0.46;
  c.rect(sx, 330, w * 0.5, 14, hsl(30, 15, 55));
  for (let x = sx + 20; x < sx + w * 0.5 - 60; x += c.r(55, 90)) {
    const bh = c.r(60, 110);
    const amber = c.r() < 0.5;
    c.rect(x, 330 - bh, 42, bh, amber ? hsl(30, 60, 30) : hsl(hue + 180, 10, 92), { rx: 8 });
    c.rect(x + 8, 330 - bh * 0.7, 26, bh * 0.35, amber ? hsl(40, 25, 90) : hsl(hue + 60, 40, 60), { opacity: 0.9 });
    c.rect(x + 11, 330 - bh - 16, 20, 18, hsl(hue + 200, 20, 25), { rx: 3 });
  }
  c.rect(0, b + 30, w, 1000 - b, c.lin([[0, hsl(hue + 20, 18, 58)], [1, hsl(hue + 20, 18, 44)]]));
  const doors: Box[] = [];
  for (let x = 10; x < w; x += 220) doors.push([x, b + 60, 200, 300]);
  c.path(rectsD(doors), "none", { stroke: hsl(hue + 20, 16, 38), "stroke-width": 4 });
  c.path(rectsD(doors.map(([x]) => [x + 85, b + 80, 30, 8] as Box)), hsl(0, 0, 80));
  c.rect(-10, b, w + 20, 32, hsl(210, 10, 22));
  c.rect(0, b + 32, w, 18, "#000", { opacity: 0.2 });
  const liq = [hsl(hue, 55, 52), hsl(hue + 45, 55, 56), hsl(hue + 170, 45, 50)];
  let x = w * c.r(0.05, 0.12);
  let k = 0;
  while (x < w * 0.92) {
    const kind = (k + c.ri(0, 1)) % 4;
    const col = liq[k % 3] ?? "#888";
    c.ellipse(x, b + 4, 70, 8, "#000", { opacity: 0.18 });
    if (kind === 0) { flask(c, x, b, c.r(170, 230), col, c.r(0.35, 0.6)); x += 190; }
    else if (kind === 1) { beaker(c, x, b, c.r(80, 110), c.r(110, 150), col, c.r(0.3, 0.7)); x += 150; }
    else if (kind === 2) {
      tubeRack(c, x, b, liq, hue);
      x += 230;
    } else {
      roundFlask(c, x, b, col);
      x += 220;
    }
    k++;
  }
};

const lecture: Draw = (c, hue) => {
  const { w } = c;
  c.rect(0, 0, w, 520, c.lin([[0, hsl(30, 12, 62)], [1, hsl(30, 14, 78)]]));
  c.path(Array.from({ length: 7 }, (_, i) => circleD((w * (i + 0.5)) / 7, 30, 40, 10)).join(""), "#fffbe8", { opacity: 0.9 });
  const bx = w * c.r(0.12, 0.2);
  c.rect(bx - 12, 140, w * 0.36 + 24, 240, hsl(30, 20, 45));
  c.rect(bx, 152, w * 0.36, 216, hsl(160, 18, 24));
  c.stroke(`M${f(bx + 40)} 330Q${f(bx + 140)} 170 ${f(bx + 240)} 330M${f(bx + 40)} 330H${f(bx + 280)}M${f(bx + 40)} 330V190` +
    circleD(bx + w * 0.27, 250, 45) + `M${f(bx + w * 0.27 - 60)} 250h120`, "#fff", 4, { opacity: 0.6 });
  const sx = w * 0.56;
  c.glow(sx + w * 0.15, 250, 360, "#ffffff", 0.3);
  c.rect(sx, 110, w * 0.3, 270, hsl(hue, 10, 96));
  const bars: Box[] = [];
  for (let i = 0; i < 5; i++) { const bh = c.r(40, 170); bars.push([sx + 40 + i * w * 0.05, 340 - bh, w * 0.032, bh]); }
  c.path(rectsD(bars), hsl(hue, 45, 55));
  c.rect(0, 420, w, 70, hsl(28, 35, 38));
  c.poly([w * 0.5 - 50, 390, w * 0.5 + 50, 390, w * 0.5 + 40, 470, w * 0.5 - 40, 470], hsl(25, 35, 26));
  c.path(personD(w * c.r(0.35, 0.7), 470, 170), hsl(hue + 200, 25, 25));
  c.rect(0, 490, w, 510, hsl(hue, 22, 20));
  const rows = [500, 560, 630, 715, 815, 930, 1060];
  const pal = [hsl(hue, 35, 45), hsl(hue + 150, 25, 40), hsl(hue + 30, 30, 60), hsl(220, 20, 30), hsl(0, 0, 85), hsl(hue + 200, 30, 50)];
  const hair = [hsl(25, 30, 15), hsl(30, 40, 30), hsl(40, 45, 55), hsl(0, 0, 10)];
  const deskY = (i: number, x: number): number => {
    const t = (x + 50) / (w + 100);
    return (rows[i] ?? 1000) + 4 * (20 + i * 12) * t * (1 - t);
  };
  for (let i = 0; i < rows.length - 1; i++) {
    const y = rows[i] ?? 0;
    const bow = 2 * (20 + i * 12);
    const th = 14 + i * 6;
    c.path(`M-50 ${y}Q${f(w / 2)} ${f(y + bow)} ${f(w + 50)} ${y}L${f(w + 50)} ${f(y + th)}Q${f(w / 2)} ${f(y + bow + th)} -50 ${f(y + th)}z`, hsl(28, 38, 42 - i * 2));
    const sz = 60 + i * 32;
    const bodies = pal.map(() => "");
    const heads = hair.map(() => "");
    for (let x = c.r(-sz * 0.5, sz * 0.5); x < w + sz; x += sz * c.r(1.0, 1.6)) {
      if (c.r() < 0.15) continue;
      const base = deskY(i + 1, x) + 10;
      const h = sz * c.r(0.85, 0.98);
      const p = Math.floor(c.r() * pal.length);
      bodies[p] += personD(x, base, h, 1.9);
      heads[Math.floor(c.r() * hair.length)] += circleD(x, base - h + h * 0.09, h * 0.1);
    }
    bodies.forEach((d, j) => c.path(d, pal[j] ?? "#555"));
    heads.forEach((d, j) => c.path(d, hair[j] ?? "#222"));
  }
};

const concert: Draw = (c, hue) => {
  const { w } = c;
  c.rect(0, 0, w, 1000, c.lin([[0, hsl(hue + 250, 45, 8)], [0.7, hsl(hue, 45, 22)], [1, hsl(hue, 40, 12)]]));
  c.glow(w / 2, 520, w * 0.55, hsl(hue + 20, 70, 60), 0.45);
  c.rect(0, 60, w, 18, hsl(0, 0, 18));
  const beams = c.ri(5, 7);
  for (let i = 0; i < beams; i++) {
    const x = (w * (i + 0.5)) / beams;
    const tx = x + c.r(-260, 260);
    const col = hsl(hue + (i % 3) * 40 - 40, 70, 72);
    c.poly([x - 10, 78, x + 10, 78, tx + 120, 720, tx - 120, 720], c.lin([[0, col, 0.55], [1, col, 0]]));
    c.rect(x - 22, 70, 44, 30, hsl(0, 0, 12), { rx: 6 });
    c.glow(x, 100, 60, col, 0.9);
  }
  c.rect(0, 700, w, 80, c.lin([[0, hsl(hue, 25, 25)], [1, hsl(hue, 30, 8)]]));
  const sil = hsl(hue + 240, 30, 6);
  const dx = w * c.r(0.2, 0.3);
  c.path(circleD(w / 2, 640, 70) + circleD(w / 2 - 120, 660, 45) + circleD(w / 2 + 120, 660, 45) + `M${f(w / 2 - 90)} 580h180`, sil);
  c.stroke(`M${f(w / 2 - 170)} 700L${f(w / 2 - 170)} 560M${f(w / 2 + 170)} 700L${f(w / 2 + 170)} 560`, sil, 6);
  c.path(circleD(w / 2 - 150, 560, 36, 8) + circleD(w / 2 + 150, 560, 36, 8), hsl(45, 60, 55), { opacity: 0.6 });
  for (const [x, h] of [[w / 2 - dx, 260], [w / 2 + dx, 250], [w / 2 + c.r(-60, 60), 240]] as const) {
    c.glow(x, 560, 200, hsl(hue + 30, 80, 75), 0.35);
    c.path(standingD(x, 705, h), sil);
    c.path(circleD(x + 12, 600, 38, 26) + `M${f(x + 30)} 590l110 -50l6 10l-108 52z`, sil);
    c.stroke(`M${f(x - 60)} 705L${f(x - 55)} 520L${f(x - 20)} ${f(705 - h * 0.86)}`, sil, 5);
  }
  const bokeh = [hsl(hue, 80, 70), hsl(hue + 50, 80, 70), hsl(hue - 40, 80, 70)];
  for (let i = 0; i < 18; i++) c.circle(c.r(0, w), c.r(120, 650), c.r(10, 40), c.pick(bokeh), { opacity: c.r(0.08, 0.25) });
  let crowd = "";
  let arms = "";
  for (let i = 0; i < 3; i++) {
    const sz = 150 + i * 60;
    for (let x = c.r(-60, 0); x < w + 60; x += sz * c.r(0.6, 0.9)) {
      const base = 1000 + i * 60 - c.r(20, 80);
      crowd += personD(x, base + 60, sz * 1.1, 1.3);
      if (c.r() < 0.25) {
        const hx = x + sz * c.r(0.25, 0.45);
        const hy = base - sz * c.r(0.85, 1.0);
        arms += `M${f(x + sz * 0.15)} ${f(base - sz * 0.55)}L${f(hx)} ${f(hy)}`;
        crowd += circleD(hx, hy - 6, 11);
      }
    }
  }
  c.stroke(arms, hsl(hue + 240, 30, 5), 15);
  c.path(crowd, hsl(hue + 240, 30, 5));
};

const sports: Draw = (c, hue) => {
  const { w } = c;
  daySky(c, hue, 260, 2);
  const crowd = c.pattern([hsl(hue, 40, 45), hsl(0, 0, 85), hsl(hue + 180, 25, 35), hsl(40, 50, 55)]
    .map((col, i) => `<circle cx="${5 + (i % 2) * 11}" cy="${5 + Math.floor(i / 2) * 10}" r="4.2" fill="${col}"/>`).join(""), 22, 20);
  c.rect(0, 150, w, 290, hsl(220, 12, 28));
  c.rect(0, 200, w, 240, crowd, { opacity: 0.8 });
  c.stroke(Array.from({ length: 6 }, (_, i) => `M0 ${f(220 + i * 40)}H${f(w)}`).join(""), hsl(220, 12, 20), 3);
  c.rect(0, 140, w, 50, hsl(220, 14, 18));
  for (const mx of [w * 0.1, w * 0.9]) {
    c.rect(mx - 6, 20, 12, 180, hsl(0, 0, 30));
    c.rect(mx - 50, 10, 100, 50, hsl(0, 0, 92), { rx: 4 });
    c.glow(mx, 35, 140, "#fffbe0", 0.6);
  }
  c.rect(0, 428, w, 24, hsl(hue, 40, 38));
  const stripes: Box[] = [];
  for (let k = 0; k < 10; k++) {
    const y0 = 452 + 548 * Math.pow(k / 10, 1.5);
    const y1 = 452 + 548 * Math.pow((k + 1) / 10, 1.5);
    if (k % 2) stripes.push([0, y0, w, y1 - y0]);
  }
  c.rect(0, 452, w, 548, hsl(110, 40, 38));
  c.path(rectsD(stripes), hsl(105, 42, 44));
  c.stroke(`M0 470H${f(w)}M${f(w / 2)} 470L${f(w / 2)} 1000` + circleD(w / 2, 640, 230, 70) + `M${f(w * 0.02)} 520L${f(w * 0.16)} 520L${f(w * 0.1)} 760L-60 760M${f(w * 0.98)} 520L${f(w * 0.84)} 520L${f(w * 0.9)} 760L${f(w + 60)} 760`, "#fff", 5, { opacity: 0.85 });
  c.rect(0, 900, w, 100, hsl(12, 45, 45));
  c.stroke(`M0 915H${f(w)}M0 945H${f(w)}M0 978H${f(w)}`, "#fff", 3, { opacity: 0.8 });
  const ps: [number, number, number][] = [];
  for (let i = 0; i < 9; i++) ps.push([c.r(0.05, 0.95) * w, c.r(500, 880), i % 2]);
  ps.sort((a, b) => a[1] - b[1]).forEach(([x, y, t]) =>
    runner(c, x, y, 70 + (y - 450) * 0.45, t ? hsl(hue, 60, 48) : hsl(0, 0, 96), hsl(25, 40, c.r(35, 70)), c.r(0, 6.3)));
  const ball = ps[0];
  if (ball) c.circle(ball[0] + 40, ball[1] - 6, 9, "#fff", { stroke: "#333", "stroke-width": 2 });
};

const harbor: Draw = (c, hue) => {
  const { w } = c;
  const sea = 600;
  const sh = 200 + ((hue % 70) - 35) * 0.5;
  c.rect(0, 0, w, sea, c.lin([[0, hsl(sh, 40, 52)], [0.7, hsl(sh - 10, 40, 78)], [1, hsl(hue + 30, 65, 86)]]));
  const sunX = w * c.r(0.2, 0.5);
  c.glow(sunX, sea - 90, 300, hsl(40, 100, 85), 0.8);
  c.circle(sunX, sea - 90, 45, hsl(40, 100, 94));
  c.path(ridgeD(c, sea - 40, 35, 10, sea + 2), hsl(sh + 10, 18, 62));
  c.rect(0, sea, w, 400, c.lin([[0, hsl(sh, 30, 58)], [1, hsl(sh + 5, 40, 30)]]));
  c.poly([sunX - 30, sea, sunX + 30, sea, sunX + 110, 1000, sunX - 110, 1000], c.lin([[0, hsl(40, 100, 90), 0.55], [1, hsl(40, 100, 90), 0]]));
  c.stroke(Array.from({ length: 40 }, () => { const y = c.r(sea + 10, 1000); return `M${f(c.r(0, w))} ${f(y)}h${f(c.r(20, 90) * (y - sea) / 200)}`; }).join(""), "#fff", 3, { opacity: 0.35 });
  const qx = w * 0.55;
  c.rect(qx, sea - 40, w - qx, 44, hsl(220, 10, 32));
  const box = [hsl(8, 50, 42), hsl(205, 40, 40), hsl(35, 60, 50), hsl(150, 25, 38), hsl(hue, 40, 45)];
  for (let x = qx + 30; x < w - 60; x += 110) {
    const n = c.ri(1, 4);
    for (let j = 0; j < n; j++) c.rect(x, sea - 40 - (j + 1) * 34, 100, 32, c.pick(box), { stroke: "#0002", "stroke-width": 2 });
  }
  const crane = hsl([8, 25, 205, 175][hue % 4] ?? 8, 50, 45);
  for (const cx of [qx + 120, qx + 120 + c.r(200, 320)]) {
    c.stroke(`M${f(cx)} ${sea - 40}L${f(cx + 20)} 240M${f(cx + 110)} ${sea - 40}L${f(cx + 90)} 240M${f(cx - 250)} 250H${f(cx + 260)}M${f(cx + 55)} 250L${f(cx + 55)} 140L${f(cx - 250)} 250M${f(cx + 55)} 140L${f(cx + 260)} 250M${f(cx)} 400H${f(cx + 110)}`, crane, 10, { "stroke-linejoin": "round" });
    c.rect(cx + 20, 250, 50, 40, crane);
  }
  const boats = c.ri(2, 3);
  for (let i = 0; i < boats; i++) {
    const bx = w * (0.12 + i * 0.28) + c.r(-40, 40);
    const by = sea + 90 + i * 110 + c.r(0, 40);
    boat(c, bx, by, 0.8 + (by - sea) / 300, i % 2 === 1, hue);
  }
  birds(c, c.ri(3, 6), w * 0.1, w * 0.6, 120, 300, hsl(sh, 20, 25));
  c.path(rectsD(Array.from({ length: 4 }, (_, i) => [i * 70 - 20, 640 + i * 60, 34, 400] as Box)), hsl(25, 30, 22));
};

const garden: Draw = (c, hue) => {
  const { w } = c;
  const g = 560;
  daySky(c, hue, g, 2);
  c.path(ridgeD(c, g - 60, 40, 14, g + 5), hsl(130, 22, 40));
  const gx = w * c.r(0.45, 0.62);
  const gw = 260;
  const house = `M${f(gx - gw)} ${g}V${g - 170}Q${f(gx - gw)} ${g - 260} ${f(gx)} ${g - 300}Q${f(gx + gw)} ${g - 260} ${f(gx + gw)} ${g - 170}V${g}z`;
  c.path(house, c.lin([[0, hsl(190, 40, 88)], [1, hsl(170, 30, 62)]]), { opacity: 0.92 });
  c.path(house, "none", { stroke: "#fff", "stroke-width": 8 });
  c.stroke(Array.from({ length: 9 }, (_, i) => `M${f(gx - gw + (i * gw) / 4)} ${g}V${g - 170 - (i > 0 && i < 8 ? 60 + 70 * Math.sin((i * Math.PI) / 8) : 0)}`).join("") +
    `M${f(gx - gw)} ${g - 85}H${f(gx + gw)}M${f(gx - gw)} ${g - 170}H${f(gx + gw)}`, "#fff", 5);
  c.rect(gx - 36, g - 110, 72, 110, hsl(150, 20, 40));
  c.rect(0, g, w, 1000 - g, c.lin([[0, hsl(95, 38, 46)], [1, hsl(110, 42, 30)]]));
  c.path(`M${f(gx - 20)} ${g}L${f(gx + 20)} ${g}L${f(w * 0.5 + w * 0.18)} 1000L${f(w * 0.5 - w * 0.18)} 1000z`, c.lin([[0, hsl(35, 22, 70)], [1, hsl(35, 25, 80)]]));
  for (const side of [-1, 1]) {
    c.path(`M${f(gx + side * 30)} ${g + 10}L${f(gx + side * w)} ${g + 60}L${f(gx + side * w)} ${g + 25}L${f(gx + side * 30)} ${g - 5}z`, hsl(130, 35, 22));
  }
  const fh = 300 + (hue % 90);
  const cols = [hsl(fh, 55, 62), hsl(fh + 30, 65, 62), hsl(fh - 40, 40, 62), hsl(48, 85, 66), hsl(0, 0, 97)];
  const dots = cols.map(() => "");
  let leaves = "";
  for (const side of [-1, 1]) {
    for (let i = 0; i < 120; i++) {
      const t = Math.pow(c.r(), 0.7);
      const y = g + 30 + t * 440;
      const edge = gx + (w / 2 - gx) * t + side * (30 + w * 0.18 * t);
      const x = edge + side * c.r(10, 40 + t * w * 0.35);
      const r = 4 + t * 16;
      leaves += circleD(x, y + r * 0.8, r * 1.5);
      dots[i % cols.length] += circleD(x, y, r);
    }
  }
  c.path(leaves, hsl(120, 30, 26));
  dots.forEach((d, i) => c.path(d, cols[i] ?? "#fff"));
  tree(c, w * c.r(0.05, 0.2), g + 20, 220, 110 + (hue % 20));
  tree(c, w * c.r(0.8, 0.95), g + 40, 250, 120);
};

const city: Draw = (c, hue) => {
  const { w } = c;
  const river = 830;
  const t = (hue % 50) - 25;
  c.rect(0, 0, w, river, c.lin([[0, hsl(232 + t, 45, 18)], [0.55, hsl(290 + t, 28, 42)], [1, hsl(25 + t, 75, 72)]]));
  const sx = w * c.r(0.25, 0.75);
  c.glow(sx, river - 180, 380, hsl(30 + t, 90, 80), 0.7);
  c.path(Array.from({ length: 40 }, () => circleD(c.r(0, w), c.r(10, 300), c.r(1, 2.5))).join(""), "#fff", { opacity: 0.6 });
  for (let layer = 0; layer < 3; layer++) {
    const light = 58 - layer * 20;
    let bd = "";
    const wins: Box[] = [];
    for (let x = c.r(-80, 0); x < w; ) {
      const bw = c.r(70, 160) * (1 + layer * 0.25);
      const top = river - c.r(150, 430) * (1 - layer * 0.22) - (Math.abs(x - sx) < 200 && layer === 1 ? 140 : 0);
      bd += `M${f(x)} ${river}V${f(top)}H${f(x + bw)}V${river}z`;
      if (c.r() < 0.3) bd += `M${f(x + bw * 0.2)} ${f(top)}V${f(top - 40)}H${f(x + bw * 0.8)}V${f(top)}z`;
      if (c.r() < 0.2) bd += `M${f(x + bw / 2 - 3)} ${f(top)}V${f(top - 110)}h6V${f(top)}z`;
      if (layer > 0) {
        for (let y = top + 20; y < river - 20; y += 26)
          for (let wx = x + 12; wx < x + bw - 16; wx += 22) if (c.r() < 0.22) wins.push([wx, y, 10, 14]);
      }
      x += bw + c.r(-10, 20);
    }
    c.path(bd, hsl(245 + t, 22 - layer * 4, light - 8));
    c.path(rectsD(wins), hsl(45, 90, 75 - layer * 5), { opacity: 0.9 });
  }
  c.rect(0, river, w, 1000 - river, c.lin([[0, hsl(245 + t, 30, 20)], [1, hsl(245 + t, 35, 10)]]));
  c.stroke(Array.from({ length: 70 }, () => { const x = c.r(0, w); const y = c.r(river + 6, 1000); return `M${f(x)} ${f(y)}h${f(c.r(10, 60))}`; }).join(""), hsl(45, 90, 75), 3, { opacity: 0.45 });
  c.poly([sx - 60, river, sx + 60, river, sx + 140, 1000, sx - 140, 1000], c.lin([[0, hsl(30 + t, 90, 80), 0.4], [1, hsl(30 + t, 90, 80), 0]]));
};

const nightSky: Draw = (c, hue) => {
  const { w } = c;
  const n = 225 + ((hue % 80) - 40) * 0.6;
  c.rect(0, 0, w, 1000, c.lin([[0, hsl(n, 50, 7)], [0.7, hsl(n + 10, 45, 20)], [1, hsl(n + 40, 35, 34)]]));
  c.ellipse(w * 0.5, 380, w * 0.7, 110, c.rad([[0, hsl(n + 40, 40, 80), 0.3], [1, hsl(n + 40, 40, 80), 0]]), { transform: `rotate(${f(c.r(-30, -12))} ${f(w / 2)} 380)` });
  for (const [n, r, o] of [[160, 1.3, 0.6], [60, 2.2, 0.8], [14, 3.2, 1]] as const)
    c.path(Array.from({ length: n }, () => circleD(c.r(0, w), Math.pow(c.r(), 1.4) * 760, r)).join(""), "#fff", { opacity: o });
  for (let i = 0; i < 4; i++) c.glow(c.r(0, w), c.r(40, 500), 30, hsl(n - 20, 70, 90), 0.9);
  const mx = c.r(0.2, 0.8) * w;
  c.stroke(`M${f(mx)} 120l-220 110`, c.lin([[0, "#fff", 0.9], [1, "#fff", 0]], 0, 0, 1, 1), 3);
  c.path(ridgeD(c, 800, 40, 8, 1001), hsl(n + 10, 30, 14));
  const ox = w * c.r(0.55, 0.75);
  observatory(c, ox, n);
  let pines = "";
  for (let x = c.r(-40, 0); x < w + 40; x += c.r(50, 120)) if (Math.abs(x - ox) > 200) pines += pineD(x, c.r(830, 900), c.r(90, 200));
  c.path(ridgeD(c, 880, 30, 6, 1001), hsl(n + 10, 30, 8));
  c.path(pines, hsl(n + 10, 30, 6));
};

const microscope: Draw = (c, hue) => {
  const { w } = c;
  const m = 205 + ((hue % 60) - 30) * 0.6;
  c.rect(0, 0, w, 1000, c.lin([[0, hsl(m, 25, 16)], [1, hsl(m, 30, 26)]], 0, 0, 1, 1));
  const vr = Math.min(390, w * 0.3);
  const vx = w - vr - w * 0.08;
  const clip = c.clip(`<circle cx="${f(vx)}" cy="500" r="${vr}"/>`);
  c.open({ "clip-path": clip });
  c.circle(vx, 500, vr, c.rad([[0, hsl(hue + 20, 50, 92)], [1, hsl(hue, 45, 72)]]));
  const mem = hsl(hue, 45, 55);
  const nh = (hue + 140) % 360 >= 35 && (hue + 140) % 360 <= 110 ? 265 : hue + 140;
  for (let i = 0; i < 22; i++) {
    const cx = vx + c.r(-1.1, 1.1) * vr;
    const cy = 500 + c.r(-1.1, 1.1) * vr;
    const rx = c.r(50, 95);
    const rot = `rotate(${f(c.r(0, 180))} ${f(cx)} ${f(cy)})`;
    c.ellipse(cx, cy, rx, rx * c.r(0.7, 0.95), hsl(hue + 10, 55, 80), { opacity: 0.85, stroke: mem, "stroke-width": 4, transform: rot });
    c.circle(cx + c.r(-12, 12), cy + c.r(-12, 12), rx * 0.32, hsl(nh, 35, 40), { opacity: 0.85 });
    c.path(Array.from({ length: 4 }, () => circleD(cx + c.r(-0.55, 0.55) * rx, cy + c.r(-0.45, 0.45) * rx, c.r(3, 7))).join(""), hsl(nh + 10, 35, 35), { opacity: 0.6 });
  }
  c.circle(vx, 500, vr, c.rad([[0.75, "#000", 0], [1, "#000", 0.55]]));
  c.close();
  c.circle(vx, 500, vr + 8, "none", { stroke: hsl(0, 0, 12), "stroke-width": 18 });
  const mx = (vx - vr) * 0.45;
  microscopeProp(c, mx, m, hue);
};

const mountains: Draw = (c, hue) => {
  const { w } = c;
  const sh = 205 + ((hue % 60) - 30) * 0.5;
  c.rect(0, 0, w, 700, c.lin([[0, hsl(sh, 45, 55)], [0.7, hsl(sh - 10, 45, 80)], [1, hsl(hue + 30, 60, 88)]]));
  c.glow(w * c.r(0.2, 0.8), 260, 340, hsl(45, 100, 92), 0.7);
  cloud(c, c.r(0, w), c.r(80, 200), c.r(40, 60), 0.6);
  let x = c.r(-300, -100);
  while (x < w + 100) {
    const pw = c.r(260, 420);
    const px = x + pw * c.r(0.4, 0.6);
    const py = c.r(170, 330);
    const base = 560;
    c.poly([x, base, px, py, x + pw, base], hsl(sh + 10, 18, 62));
    c.poly([px, py, x + pw, base, px + (x + pw - px) * 0.1, base], hsl(sh + 10, 20, 52));
    const s = 0.28;
    c.poly([px, py, px + (x + pw - px) * s, py + (base - py) * s, px + 20, py + (base - py) * s * 0.7, px - 10, py + (base - py) * s, px - (px - x) * s, py + (base - py) * s], "#fbfdff");
    x += pw * c.r(0.55, 0.8);
  }
  for (let i = 0; i < 4; i++)
    c.path(ridgeD(c, 540 + i * 90, 70 - i * 8, 8 + i * 2, 1001), hsl(sh - 50 - i * 10 + (hue % 30), 22 + i * 6, 58 - i * 11));
  const rx = (t: number): number => w / 2 + Math.sin(t * 5 + c.r(0, 0.01)) * w * 0.14 * t;
  let left = "";
  let right = "";
  for (let i = 0; i <= 20; i++) {
    const t = i / 20;
    const y = 720 + t * 290;
    const half = 6 + t * t * 190;
    left += `${i ? "L" : "M"}${f(rx(t) - half)} ${f(y)}`;
    right = `L${f(rx(t) + half)} ${f(y)}` + right;
  }
  c.path(`${left}${right}z`, c.lin([[0, hsl(sh, 40, 82)], [1, hsl(sh, 45, 58)]]));
  let pines = "";
  for (let i = 0; i < 14; i++) {
    const side = i % 2 ? 1 : -1;
    pines += pineD(w / 2 + side * c.r(0.3, 0.55) * w, c.r(880, 1040), c.r(160, 320));
  }
  c.path(pines, hsl(sh - 60, 35, 14));
  birds(c, c.ri(2, 5), w * 0.2, w * 0.8, 120, 320, hsl(sh, 30, 25));
};

const scenes: Record<PhotoScene, Draw> = {
  campus, library, lab, lecture, concert, sports, harbor, garden, city, "night-sky": nightSky, microscope, mountains,
};

/** Draws a demo photograph for a PhotoSpec as an SVG string of the given size (deterministic for the same spec). */
export function demoPhotoSvg(spec: PhotoSpec, width: number, height: number): string {
  const wd = Math.max(1, Math.round(width));
  const ht = Math.max(1, Math.round(height));
  const aspect = Math.min(3, Math.max(1, wd / ht));
  let seed = spec.seed | 0;
  for (const ch of spec.scene) seed = Math.imul(seed ^ ch.charCodeAt(0), 0x9e3779b1);
  const hue = (((Math.round(spec.hue) % 360) + 360) % 360);
  const c = new Canvas(1000 * aspect, 1000, (seed ^ Math.imul(hue + 1, 0x85ebca6b)) >>> 0);
  scenes[spec.scene](c, hue);
  return c.svg(wd, ht);
}
