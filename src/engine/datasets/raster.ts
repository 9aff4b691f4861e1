/**
 * Pen strokes on a pixel grid. A picture is a few polylines in continuous
 * coordinates (x = column, y = row, pixel centres on whole numbers), inked with
 * a one-pixel pen (one pixel per row or column, as a line-drawing algorithm sets
 * them) or a round pen of a given width. Drawing from
 * geometry rather than editing pixel lists is what lets a variant be the same
 * letter moved, turned, shortened or drawn with a wider pen.
 */

/** A point in grid coordinates: `x` is the column, `y` the row. */
export interface Point {
  x: number;
  y: number;
}

/** An open or closed pen stroke through `points`, in order. */
export type Stroke = readonly Point[];

/** Distance from `p` to the segment from `a` to `b`. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  // A zero-length segment is a dot: measure to the dot.
  const t = lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** Distance from `p` to the nearest point of any stroke. */
export function distanceToStrokes(p: Point, strokes: readonly Stroke[]): number {
  let best = Infinity;
  for (const stroke of strokes) {
    if (stroke.length === 1) best = Math.min(best, Math.hypot(p.x - stroke[0].x, p.y - stroke[0].y));
    for (let i = 1; i < stroke.length; i++) best = Math.min(best, distanceToSegment(p, stroke[i - 1], stroke[i]));
  }
  return best;
}

// Pixel centres exactly on a boundary would otherwise flip with the last bit of
// a sine; the slack makes such ties count as ink on every machine.
const TIE_SLACK = 1e-9;

/**
 * How far `p` is from the segment along the segment's minor axis: horizontally
 * for a steep segment (one ink pixel per row), vertically for a flat one (one per
 * column), Infinity outside the rows (columns) the segment spans. A pixel within
 * half a pixel by this measure is the pixel a thin pen, drawn Bresenham-style, inks.
 */
export function minorAxisDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const steep = Math.abs(dy) >= Math.abs(dx);
  // Swap roles so the loop below always walks the major axis as "along".
  const along = steep ? p.y : p.x;
  const across = steep ? p.x : p.y;
  const a0 = steep ? a.y : a.x;
  const a1 = steep ? a.x : a.y;
  const dAlong = steep ? dy : dx;
  const dAcross = steep ? dx : dy;
  const lo = Math.min(a0, a0 + dAlong) - 0.5;
  const hi = Math.max(a0, a0 + dAlong) + 0.5;
  if (along <= lo + TIE_SLACK || along > hi + TIE_SLACK) return Infinity;
  if (dAlong === 0) return Math.abs(across - a1); // a dot
  return Math.abs(across - (a1 + (dAcross * (along - a0)) / dAlong));
}

function rasteriseBy(size: number, isInk: (p: Point) => boolean): Float32Array {
  const out = new Float32Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) out[row * size + col] = isInk({ x: col, y: row }) ? 1 : -1;
  }
  return out;
}

/**
 * Rasterises strokes with a one-pixel pen onto a `size` x `size` grid, row-major:
 * +1 on the pixels a line-drawing algorithm would set, -1 elsewhere. A 45-degree
 * stroke through pixel centres inks exactly the diagonal.
 */
export function rasteriseThin(strokes: readonly Stroke[], size: number): Float32Array {
  return rasteriseBy(size, (p) => {
    for (const stroke of strokes) {
      for (let i = 1; i < stroke.length; i++) {
        if (minorAxisDistance(p, stroke[i - 1], stroke[i]) <= 0.5 + TIE_SLACK) return true;
      }
    }
    return false;
  });
}

/**
 * Rasterises strokes with a round pen of radius `halfWidth`: +1 on every pixel
 * whose centre the pen covered, -1 elsewhere.
 */
export function rasteriseRound(strokes: readonly Stroke[], size: number, halfWidth: number): Float32Array {
  return rasteriseBy(size, (p) => distanceToStrokes(p, strokes) <= halfWidth + TIE_SLACK);
}

/** Moves every point by (dx, dy). */
export function translate(strokes: readonly Stroke[], dx: number, dy: number): Stroke[] {
  return strokes.map((s) => s.map((p) => ({ x: p.x + dx, y: p.y + dy })));
}

/** Turns every point by `radians` about `centre` (clockwise on screen, where rows grow downwards). */
export function rotate(strokes: readonly Stroke[], radians: number, centre: Point): Stroke[] {
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  return strokes.map((s) =>
    s.map((p) => {
      const x = p.x - centre.x;
      const y = p.y - centre.y;
      return { x: centre.x + x * cos - y * sin, y: centre.y + x * sin + y * cos };
    }),
  );
}

/**
 * An elliptical arc as a polyline: centre, radii, the ellipse's own tilt, and the
 * swept angles (a full turn for a closed ring). Enough vertices that the chords
 * stay within a few thousandths of a pixel of the true curve.
 */
export function ellipseArc(
  centre: Point,
  radiusX: number,
  radiusY: number,
  tilt: number,
  fromAngle: number,
  toAngle: number,
): Stroke {
  const steps = Math.max(8, Math.ceil((Math.abs(toAngle - fromAngle) / (2 * Math.PI)) * 96));
  const cos = Math.cos(tilt);
  const sin = Math.sin(tilt);
  const points: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = fromAngle + ((toAngle - fromAngle) * i) / steps;
    const ex = radiusX * Math.cos(a);
    const ey = radiusY * Math.sin(a);
    points.push({ x: centre.x + ex * cos - ey * sin, y: centre.y + ex * sin + ey * cos });
  }
  return points;
}
