import { MeshBuilder, MIN_TRIANGLE_AREA } from './meshBuilder.ts';
import { cross, length, sub, type Vec3 } from './vec.ts';
import { BLANK_UV } from './printAtlas.ts';

/**
 * A {@link MeshBuilder} with a second UV set, the print-atlas coordinates (TEXCOORD_1). Every
 * vertex starts on the blank corner of the atlas; the print zones' vertices are moved into their
 * rects with {@link setPrintUv}.
 */
export class PrintableMesh extends MeshBuilder {
  /** Print-atlas u and v of each vertex (TEXCOORD_1), in [0, 1]; {@link BLANK_UV} until set. */
  readonly printUvs: number[] = [];

  override addVertex(p: Vec3, n: Vec3, u: number, v: number): number {
    this.printUvs.push(BLANK_UV[0], BLANK_UV[1]);
    return super.addVertex(p, n, u, v);
  }

  /** Sets vertex `i`'s print-atlas coordinates (clamped to [0, 1]). */
  setPrintUv(i: number, u: number, v: number): void {
    this.printUvs[2 * i] = Math.min(1, Math.max(0, u));
    this.printUvs[2 * i + 1] = Math.min(1, Math.max(0, v));
  }

  override append(other: MeshBuilder): void {
    for (let i = 0; i < other.vertexCount; i++) {
      if (other instanceof PrintableMesh) this.printUvs.push(other.printUvs[2 * i]!, other.printUvs[2 * i + 1]!);
      else this.printUvs.push(BLANK_UV[0], BLANK_UV[1]);
    }
    super.append(other);
  }

  /** Like {@link MeshBuilder.compact}, keeping the print UVs in step with the vertices. */
  override compact(): void {
    // The base class keeps vertices in order of first use by a surviving triangle; follow suit.
    const kept: number[] = [];
    for (let t = 0; t < this.indices.length; t += 3) {
      const [a, b, c] = [this.indices[t]!, this.indices[t + 1]!, this.indices[t + 2]!];
      const pa = this.position(a);
      const area2 = length(cross(sub(this.position(b), pa), sub(this.position(c), pa)));
      if (a !== b && b !== c && a !== c && area2 >= 2 * MIN_TRIANGLE_AREA) kept.push(a, b, c);
    }
    const order: number[] = [];
    const seen = new Set<number>();
    for (const i of kept)
      if (!seen.has(i)) {
        seen.add(i);
        order.push(i);
      }
    const printUvs = order.flatMap((i) => [this.printUvs[2 * i]!, this.printUvs[2 * i + 1]!]);
    super.compact();
    if (this.vertexCount !== order.length) throw new Error('PrintableMesh.compact: vertex order diverged from MeshBuilder');
    this.printUvs.length = 0;
    for (const x of printUvs) this.printUvs.push(x);
  }
}
