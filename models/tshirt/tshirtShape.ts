import { monotoneCurve } from '../shared/curves.ts';

/*
 * The measurements of a size M regular-fit crew-neck t-shirt as it stands on an invisible
 * mannequin, in metres: Y up, front toward +Z, centred on x = 0, hem on the ground (y = 0).
 * The wearer's left is +X (a wearer facing +Z with Y up has −X on the right hand).
 *
 * Garment measurements (flat, as a size chart gives them) and where they show up here:
 *  - body length from the high point shoulder: 72 cm → the side neck point at y ≈ 0.72;
 *  - chest 52 cm flat → 1.04 m around the torso tube ({@link torsoHalfWidth} and depths);
 *  - shoulder to shoulder about 43 cm → the sleeves leave the torso at x ≈ ±0.2;
 *  - short sleeve 20 cm along the top from the shoulder point, long sleeve 62 cm to the wrist.
 */

/** Thickness of the fabric (distance from the outer face to the inner one), folded hems included. */
export const FABRIC_THICKNESS = 0.003;

/** Height where the straight torso tube ends and the shoulders begin to curve in toward the neck. */
export const TUBE_TOP_Y = 0.6;

/** Height of the high point shoulder (the side neck point), the top of the neckline. */
export const SIDE_NECK_Y = 0.72;
/** Half the width of the neck opening at the side neck points (front view). */
export const NECK_HALF_WIDTH = 0.086;
/** How far the crew neckline drops below {@link SIDE_NECK_Y} at the centre front and centre back. */
export const CREW_FRONT_DROP = 0.078;
export const CREW_BACK_DROP = 0.02;

/**
 * The V-neck, seen from the front: the crew curve down to |x| = {@link V_START_X}, then straight
 * lines to a tip {@link V_TIP_DROP} below the side neck points, about 1.7 cm (on the surface)
 * deeper than the crew. neckline.ts explains why it may not be deeper.
 */
export const V_START_X = 0.082;
export const V_TIP_DROP = 0.09;

/** Width of the crew and V-neck ribs, across the band (measured on the surface). */
export const CREW_RIB_WIDTH = 0.024;
export const V_RIB_WIDTH = 0.024;
/** How far a rib's outer face stands off the body (a double layer of rib knit); its fold's radius follows. */
export const RIB_LIFT = 0.0022;
export const RIB_FOLD_RADIUS = RIB_LIFT + FABRIC_THICKNESS / 2;

/**
 * Torso tube cross-sections: a superellipse |x/a|^n + |z/d|^n = 1 with the front depth and the
 * back depth set apart (the chest stands further forward than the shoulder blades stand back).
 * A regular fit hangs straight: the width barely changes from chest to hem.
 */
export const torsoHalfWidth = monotoneCurve([
  [0, 0.207],
  [0.12, 0.204],
  [0.3, 0.203],
  [0.45, 0.205],
  [0.6, 0.206],
]);
export const torsoFrontDepth = monotoneCurve([
  [0, 0.112],
  [0.15, 0.114],
  [0.3, 0.118],
  [0.45, 0.124],
  [0.6, 0.118],
]);
export const torsoBackDepth = monotoneCurve([
  [0, 0.108],
  [0.15, 0.106],
  [0.3, 0.107],
  [0.45, 0.112],
  [0.6, 0.112],
]);
/** Superellipse exponent: above 2 the front and back are flatter than an ellipse's, as on a torso. */
export const TORSO_EXPONENT = 2.5;

/** The base of the (invisible) neck: a vertical cylinder the shoulders rise into. */
export const NECK_RADIUS = 0.063;
export const NECK_CENTRE_Z = -0.012;
/** Height where the shoulder profiles reach the neck cylinder (above the neckline, never drawn). */
export const NECK_TOP_Y = 0.765;

/**
 * The shoulders, as profiles climbing from the top of the tube (λ = 1, y = {@link TUBE_TOP_Y}) to
 * the neck cylinder (λ = 0): each knot is (λ, y), the radius being the tube's radius at λ = 1 and
 * the neck's at λ = 0. One profile for the centre front, the side (over the shoulder point) and the
 * centre back; the columns in between blend them.
 */
export const SHOULDER_PROFILES: Readonly<Record<'front' | 'side' | 'back', readonly (readonly [number, number])[]>> = {
  // Upper chest: leans back toward the base of the neck above the collar bones.
  front: [
    [1, TUBE_TOP_Y],
    [0.9, 0.616],
    [0.7, 0.631],
    [0.5, 0.644],
    [0.32, 0.661],
    [0.17, 0.686],
    [0.06, 0.72],
    [0, NECK_TOP_Y],
  ],
  // Over the shoulder: up the side, round the shoulder point, along the sloping shoulder line.
  side: [
    [1, TUBE_TOP_Y],
    [1.005, 0.632],
    [0.955, 0.662],
    [0.81, 0.679],
    [0.45, 0.703],
    [0.2, 0.717],
    [0.06, 0.735],
    [0, NECK_TOP_Y],
  ],
  // Upper back: the trapezius slopes forward and up into the back of the neck.
  back: [
    [1, TUBE_TOP_Y],
    [0.97, 0.625],
    [0.88, 0.65],
    [0.68, 0.672],
    [0.42, 0.688],
    [0.16, 0.7],
    [0.05, 0.725],
    [0, NECK_TOP_Y],
  ],
};

/**
 * Scale of every mesh's fabric UVs (TEXCOORD_0): one UV unit is this many metres of fabric on
 * every part, so a tiling knit texture has the same grain size on the body, sleeves and ribs.
 */
export const FABRIC_UV_METRES = 1.25;

/** x of the shoulder point, where the shoulder line meets the sleeve's top (on the body's side column). */
export const SHOULDER_X = 0.198;
/** Both sleeves leave the shoulder at this angle below the horizontal, as on a mannequin's arms. */
export const SLEEVE_DROP = (35 * Math.PI) / 180;
/** The long sleeve bends down to this angle by the elbow, then runs straight to the wrist. */
export const LONG_SLEEVE_WRIST_DROP = (74 * Math.PI) / 180;
/** Sleeve lengths along the axis from the shoulder point (the short one to its hem, the long one to its cuff's edge). */
export const SHORT_SLEEVE_LENGTH = 0.19;
export const LONG_SLEEVE_LENGTH = 0.6;
/** Depth of the long sleeve's rib cuff. */
export const CUFF_LENGTH = 0.065;

/**
 * Sleeve cross-sections along the axis (metres from the shoulder point): an ellipse with
 * half-axis `up` in the arm's vertical plane and `across` front to back. The armhole is wide
 * (0.44 m round), the short sleeve's opening 0.38 m, the long sleeve's wrist 0.22 m.
 */
export const sleeveUpRadius = monotoneCurve([
  [0, 0.068],
  [0.19, 0.062],
  [0.35, 0.053],
  [0.6, 0.04],
]);
export const sleeveAcrossRadius = monotoneCurve([
  [0, 0.066],
  [0.19, 0.059],
  [0.35, 0.05],
  [0.6, 0.037],
]);
