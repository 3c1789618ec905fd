import { Matrix3, Raycaster, Vector2, Vector3, type Camera, type Mesh } from 'three';
import type { PartId } from '../../domain/index.ts';
import type { PartMeshes } from './partMeshes.ts';

/** A point in CSS pixels from the top-left corner of the canvas. */
export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

/** At most this many triangles per part are looked at; plenty to find a visible centre. */
const MAX_TRIANGLES = 6000;
/** A point counts only if the surface around it (this many CSS pixels each way) is the part too. */
const MARGIN_PX = 3;
/** Candidate points tried by raycast before giving up. */
const MAX_TRIES = 60;

/**
 * A point on the visible surface of a part, from the current camera: the projected, area-weighted
 * centre of the part's triangles that face the camera inside the view, moved to the nearest
 * triangle centre that a raycast confirms is the part itself (not hidden by another part or a
 * decorative mesh), with a few pixels of the part around it. Null when no such point is in view.
 */
export function partScreenPoint(parts: PartMeshes, partId: PartId, camera: Camera, width: number, height: number): ScreenPoint | null {
  const meshes = parts.meshes.get(partId);
  if (!meshes) return null;
  camera.updateMatrixWorld();
  const cameraPosition = camera.getWorldPosition(new Vector3());
  const candidates: { ndc: Vector3; area: number }[] = [];
  for (const mesh of meshes) collectFacingTriangles(mesh, camera, cameraPosition, candidates);
  if (candidates.length === 0) return null;

  // Weighted in pixels, not NDC, so that a wide canvas does not stretch the distances.
  const toPixels = (ndc: Vector3) => new Vector2(((ndc.x + 1) / 2) * width, ((1 - ndc.y) / 2) * height);
  const centre = new Vector2();
  let totalArea = 0;
  for (const { ndc, area } of candidates) {
    centre.addScaledVector(toPixels(ndc), area);
    totalArea += area;
  }
  centre.divideScalar(totalArea);
  const ranked = candidates
    .map(({ ndc }) => ({ ndc, distance: toPixels(ndc).distanceToSquared(centre) }))
    .sort((a, b) => a.distance - b.distance);

  const raycaster = new Raycaster();
  const pixel = new Vector2(2 / width, 2 / height);
  const offsets = [[0, 0], [MARGIN_PX, 0], [-MARGIN_PX, 0], [0, MARGIN_PX], [0, -MARGIN_PX]] as const;
  const isPartAt = (x: number, y: number): boolean => {
    raycaster.setFromCamera(new Vector2(x, y), camera);
    const hit = raycaster.intersectObject(parts.root, true).find((intersection) => intersection.object.visible);
    return hit !== undefined && parts.partOf(hit.object) === partId;
  };
  for (const { ndc } of ranked.slice(0, MAX_TRIES)) {
    if (offsets.every(([dx, dy]) => isPartAt(ndc.x + dx * pixel.x, ndc.y + dy * pixel.y))) {
      const { x, y } = toPixels(ndc);
      return { x, y };
    }
  }
  return null;
}

function collectFacingTriangles(mesh: Mesh, camera: Camera, cameraPosition: Vector3, out: { ndc: Vector3; area: number }[]): void {
  const position = mesh.geometry.getAttribute('position');
  const normal = mesh.geometry.getAttribute('normal');
  if (!position) return;
  const index = mesh.geometry.getIndex();
  const triangles = (index ? index.count : position.count) / 3;
  const stride = Math.max(1, Math.ceil(triangles / MAX_TRIANGLES));
  const normalMatrix = new Matrix3().getNormalMatrix(mesh.matrixWorld);
  const a = new Vector3();
  const b = new Vector3();
  const c = new Vector3();
  const n = new Vector3();
  const toCamera = new Vector3();
  const vertex = (corner: number) => (index ? index.getX(corner) : corner);
  for (let t = 0; t < triangles; t += stride) {
    const [i, j, k] = [vertex(3 * t), vertex(3 * t + 1), vertex(3 * t + 2)];
    a.fromBufferAttribute(position, i).applyMatrix4(mesh.matrixWorld);
    b.fromBufferAttribute(position, j).applyMatrix4(mesh.matrixWorld);
    c.fromBufferAttribute(position, k).applyMatrix4(mesh.matrixWorld);
    const centroid = a.clone().add(b).add(c).divideScalar(3);
    const area = b.clone().sub(a).cross(c.clone().sub(a)).length() / 2;
    if (normal) {
      n.fromBufferAttribute(normal, i).add(new Vector3().fromBufferAttribute(normal, j)).add(new Vector3().fromBufferAttribute(normal, k)).applyMatrix3(normalMatrix);
    } else {
      n.copy(b).sub(a).cross(c.clone().sub(a));
    }
    if (n.dot(toCamera.copy(cameraPosition).sub(centroid)) <= 0) continue;
    const ndc = centroid.project(camera);
    if (Math.abs(ndc.x) > 0.97 || Math.abs(ndc.y) > 0.97 || ndc.z > 1) continue;
    out.push({ ndc, area });
  }
}
