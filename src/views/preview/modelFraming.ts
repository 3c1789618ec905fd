import { MathUtils, Vector3, type Mesh } from 'three';

/** Where the camera looks and how far away it stands to frame a set of meshes. */
export interface Framing {
  readonly target: Vector3;
  readonly distance: number;
}

/** At most this many vertices are looked at per framing (every n-th one of a bigger model). */
const MAX_POINTS = 6000;

/**
 * Frames the visible meshes from `direction` (unit, from the model toward the camera): the point
 * to look at is the middle of their outline as seen from there, and the distance the one at which
 * every vertex falls within `fill` of a perspective frame each way (0.86: a 7 % border), for this
 * vertical field of view (degrees) and aspect. Measured on the vertices themselves, so a long, low
 * shoe or a wide shirt fills the frame, where a bounding sphere or box would leave it small.
 * `keepClearBelow` is the share of the frame's height, at its foot, to keep free (controls laid
 * over the picture there).
 *
 * @example
 * const { target, distance } = frameMeshes(meshes, new Vector3(0, 0.1, 1).normalize(), 30, 16 / 9, 0.86);
 */
export function frameMeshes(meshes: readonly Mesh[], direction: Vector3, fovDegrees: number, aspect: number, fill: number, keepClearBelow = 0): Framing | null {
  const points = visibleVertices(meshes);
  if (points.length === 0) return null;
  const tanFull = Math.tan(MathUtils.degToRad(fovDegrees) / 2);
  const clear = Math.min(0.4, Math.max(0, keepClearBelow));
  const tanV = tanFull * fill * (1 - clear);
  const tanH = tanFull * fill * aspect;
  // The view's axes with y up (looking straight down or up, the view's "up" is along -z or +z).
  const worldUp = Math.abs(direction.y) > 0.999 ? new Vector3(0, 0, -Math.sign(direction.y)) : new Vector3(0, 1, 0);
  const right = new Vector3().crossVectors(worldUp, direction).normalize();
  const up = new Vector3().crossVectors(direction, right);
  let [minX, maxX, minY, maxY, sumZ] = [Infinity, -Infinity, Infinity, -Infinity, 0];
  for (const p of points) {
    const x = p.dot(right);
    const y = p.dot(up);
    [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
    sumZ += p.dot(direction);
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const cz = sumZ / points.length;
  let distance = 0;
  for (const p of points) {
    const z = p.dot(direction) - cz;
    distance = Math.max(distance, z + Math.abs(p.dot(right) - cx) / tanH, z + Math.abs(p.dot(up) - cy) / tanV);
  }
  // Looking a little below the middle lifts the model clear of what lies over the foot of the frame.
  const target = right.multiplyScalar(cx).add(up.multiplyScalar(cy - clear * distance * tanFull)).addScaledVector(direction, cz);
  return { target, distance };
}

function visibleVertices(meshes: readonly Mesh[]): Vector3[] {
  const shown = meshes.filter((mesh) => {
    for (let object: typeof mesh.parent = mesh; object; object = object.parent) if (!object.visible) return false;
    return true;
  });
  const total = shown.reduce((sum, mesh) => sum + (mesh.geometry.getAttribute('position')?.count ?? 0), 0);
  const stride = Math.max(1, Math.ceil(total / MAX_POINTS));
  const points: Vector3[] = [];
  for (const mesh of shown) {
    const position = mesh.geometry.getAttribute('position');
    if (!position) continue;
    mesh.updateWorldMatrix(true, false);
    for (let i = 0; i < position.count; i += stride) points.push(new Vector3().fromBufferAttribute(position, i).applyMatrix4(mesh.matrixWorld));
  }
  return points;
}
