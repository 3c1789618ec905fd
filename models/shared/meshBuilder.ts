import { add, cross, dot, length, normalize, sub, vec3, type Vec3 } from './vec.ts';

/** Triangles smaller than this (m²) count as degenerate and are never emitted. */
export const MIN_TRIANGLE_AREA = 1e-11;

/** An indexed triangle mesh under construction: positions, normals, UVs and indices. */
export class MeshBuilder {
  /** x, y, z of each vertex, in metres. */
  readonly positions: number[] = [];
  /** Unit normal (x, y, z) of each vertex. */
  readonly normals: number[] = [];
  /** Fabric or leather UVs (TEXCOORD_0), u and v of each vertex, in [0, 1]. */
  readonly uvs: number[] = [];
  /** Three vertex indices per triangle, counter-clockwise seen from the front. */
  readonly indices: number[] = [];

  /** How many vertices the mesh has. */
  get vertexCount(): number {
    return this.positions.length / 3;
  }

  /** How many triangles the mesh has. */
  get triangleCount(): number {
    return this.indices.length / 3;
  }

  /** Adds a vertex (the normal is normalised, UVs clamped to [0, 1]) and returns its index. */
  addVertex(p: Vec3, n: Vec3, u: number, v: number): number {
    const nn = normalize(n);
    this.positions.push(p.x, p.y, p.z);
    this.normals.push(nn.x, nn.y, nn.z);
    this.uvs.push(Math.min(1, Math.max(0, u)), Math.min(1, Math.max(0, v)));
    return this.vertexCount - 1;
  }

  /** Vertex `i`'s position. */
  position(i: number): Vec3 {
    return vec3(this.positions[3 * i]!, this.positions[3 * i + 1]!, this.positions[3 * i + 2]!);
  }

  /** Vertex `i`'s normal. */
  normal(i: number): Vec3 {
    return vec3(this.normals[3 * i]!, this.normals[3 * i + 1]!, this.normals[3 * i + 2]!);
  }

  /** Twice the signed-free area vector of triangle (a, b, c). */
  private faceCross(a: number, b: number, c: number): Vec3 {
    const pa = this.position(a);
    return cross(sub(this.position(b), pa), sub(this.position(c), pa));
  }

  /** Adds triangle (a, b, c) as wound (counter-clockwise = front); skips degenerate ones. */
  addTriangle(a: number, b: number, c: number): boolean {
    if (a === b || b === c || a === c) return false;
    if (length(this.faceCross(a, b, c)) < 2 * MIN_TRIANGLE_AREA) return false;
    this.indices.push(a, b, c);
    return true;
  }

  /**
   * Adds triangle (a, b, c), flipping the winding if needed so that its front faces the same
   * way as its vertex normals.
   */
  addTriangleFacingNormals(a: number, b: number, c: number): boolean {
    const f = this.faceCross(a, b, c);
    const n = add(add(this.normal(a), this.normal(b)), this.normal(c));
    return dot(f, n) >= 0 ? this.addTriangle(a, b, c) : this.addTriangle(a, c, b);
  }

  /** Adds quad (a, b, c, d) as two triangles, split along the shorter diagonal, facing its normals. */
  addQuadFacingNormals(a: number, b: number, c: number, d: number): void {
    const ac = length(sub(this.position(a), this.position(c)));
    const bd = length(sub(this.position(b), this.position(d)));
    if (ac <= bd) {
      this.addTriangleFacingNormals(a, b, c);
      this.addTriangleFacingNormals(a, c, d);
    } else {
      this.addTriangleFacingNormals(a, b, d);
      this.addTriangleFacingNormals(b, c, d);
    }
  }

  /** Appends all of `other`'s vertices and triangles. */
  append(other: MeshBuilder): void {
    const base = this.vertexCount;
    for (const x of other.positions) this.positions.push(x);
    for (const x of other.normals) this.normals.push(x);
    for (const x of other.uvs) this.uvs.push(x);
    for (const i of other.indices) this.indices.push(i + base);
  }

  /** Replaces every vertex normal with the area-weighted average of the faces around it, welding by position. */
  smoothNormalsByPosition(): void {
    const keyOf = (i: number): string =>
      `${this.positions[3 * i]!.toFixed(7)},${this.positions[3 * i + 1]!.toFixed(7)},${this.positions[3 * i + 2]!.toFixed(7)}`;
    const sums = new Map<string, Vec3>();
    for (let t = 0; t < this.indices.length; t += 3) {
      const [a, b, c] = [this.indices[t]!, this.indices[t + 1]!, this.indices[t + 2]!];
      const f = this.faceCross(a, b, c);
      for (const i of [a, b, c]) {
        const k = keyOf(i);
        sums.set(k, add(sums.get(k) ?? vec3(0, 0, 0), f));
      }
    }
    for (let i = 0; i < this.vertexCount; i++) {
      const n = normalize(sums.get(keyOf(i)) ?? this.normal(i), this.normal(i));
      this.normals[3 * i] = n.x;
      this.normals[3 * i + 1] = n.y;
      this.normals[3 * i + 2] = n.z;
    }
  }

  /** Moves every vertex through `fn` (position and normal), e.g. for the toe-spring bend. */
  transform(fn: (p: Vec3, n: Vec3) => { p: Vec3; n: Vec3 }): void {
    for (let i = 0; i < this.vertexCount; i++) {
      const r = fn(this.position(i), this.normal(i));
      const n = normalize(r.n);
      this.positions[3 * i] = r.p.x;
      this.positions[3 * i + 1] = r.p.y;
      this.positions[3 * i + 2] = r.p.z;
      this.normals[3 * i] = n.x;
      this.normals[3 * i + 1] = n.y;
      this.normals[3 * i + 2] = n.z;
    }
  }

  /** Drops triangles that became degenerate (e.g. after a transform) and unused vertices. */
  compact(): void {
    const kept: number[] = [];
    for (let t = 0; t < this.indices.length; t += 3) {
      const [a, b, c] = [this.indices[t]!, this.indices[t + 1]!, this.indices[t + 2]!];
      if (a !== b && b !== c && a !== c && length(this.faceCross(a, b, c)) >= 2 * MIN_TRIANGLE_AREA) kept.push(a, b, c);
    }
    const remap = new Map<number, number>();
    const positions: number[] = [];
    const normals: number[] = [];
    const uvs: number[] = [];
    const indices = kept.map((i) => {
      let j = remap.get(i);
      if (j === undefined) {
        j = remap.size;
        remap.set(i, j);
        positions.push(...this.positions.slice(3 * i, 3 * i + 3));
        normals.push(...this.normals.slice(3 * i, 3 * i + 3));
        uvs.push(...this.uvs.slice(2 * i, 2 * i + 2));
      }
      return j;
    });
    const replace = (target: number[], source: number[]): void => {
      target.length = 0;
      for (const x of source) target.push(x);
    };
    replace(this.positions, positions);
    replace(this.normals, normals);
    replace(this.uvs, uvs);
    replace(this.indices, indices);
  }
}
