import type { AttributeId } from '../product/index.ts';
import type { DesignChoices } from './designDistance.ts';

/** A distinct design that carries demand: what the clustering is given. */
export interface DemandedDesign {
  /** The design's canonical key (`canonicalKey`), unique among the designs clustered. */
  readonly key: string;
  readonly choices: DesignChoices;
  /** Units ordered plus weighted signals: the design's weight, larger first. */
  readonly demand: number;
}

/** A group of near-identical designs. */
export interface DesignCluster {
  /** The member with the least demand-weighted distance to the others: what the cluster is shown by. */
  readonly medoid: DemandedDesign;
  /** Every member, the medoid included, by demand, largest first. */
  readonly members: readonly DemandedDesign[];
  /** The members' demand together. */
  readonly demand: number;
}

/** How {@link DesignClusters} groups designs. */
export interface ClusteringOptions {
  /** The product's attributes, in the order the blocking bands take them. */
  readonly attributeIds: readonly AttributeId[];
  readonly distance: (a: DesignChoices, b: DesignChoices) => number;
  /** The largest distance at which a design joins a cluster (1 = one attribute wholly different). */
  readonly threshold: number;
  /**
   * The blocking's bound: designs that differ in more attributes than this are never compared,
   * even when every difference is slight (ten colours each a sliver apart). 2 by default.
   */
  readonly maxDifferingAttributes?: number;
  /**
   * A band bucket larger than this is searched only among the designs next to the new one in its
   * full-key order (sorted neighbourhood), so that a bucket shared by most designs (every design
   * with the default laces) does not make the search quadratic. 64 by default.
   */
  readonly bucketLimit?: number;
  /** Members at most this many (by demand) are weighed when a medoid is chosen. 200 by default. */
  readonly medoidSample?: number;
}

/**
 * Clusters near-identical designs, incrementally and without comparing every pair.
 *
 * The method (documented in the README's designers' guide):
 *
 * 1. **Leaders by demand.** Designs are added most demanded first. A design joins the cluster of
 *    the nearest existing leader within `threshold`; if there is none, it becomes a leader. Only
 *    leaders are indexed, and a later design never moves an earlier one, so adding designs
 *    (new orders, new signals) is incremental: the clusters of today plus the new designs.
 * 2. **Blocking by bands (pigeonhole).** The attributes are dealt into `maxDifferingAttributes + 1`
 *    bands; two designs that differ in at most that many attributes agree entirely on at least one
 *    band. A new design is compared only with the leaders that share one of its band keys: each
 *    design costs at most (bands × bucket limit) distance computations, O(n) for n designs, where
 *    comparing every pair is O(n²).
 * 3. **Large buckets.** In a bucket with more than `bucketLimit` leaders (a band where most designs
 *    agree, such as default laces), only the `bucketLimit` leaders nearest in the order of their full
 *    keys are compared. This is the one approximation: a near duplicate may be missed there and
 *    start a cluster of its own.
 * 4. **Medoids.** Each cluster is shown by its medoid: the member (of its `medoidSample` most
 *    demanded) with the least demand-weighted distance to the others.
 *
 * @example
 * const clusters = new DesignClusters({ attributeIds, distance: designDistance(product), threshold: 1 });
 * clusters.add(designs);
 * clusters.clusters() // largest demand first
 */
export class DesignClusters {
  private readonly bands: readonly (readonly AttributeId[])[];
  private readonly bucketLimit: number;
  private readonly medoidSample: number;
  /** Band index → band key → leaders with that key, in full-key order. */
  private readonly buckets: Map<string, DemandedDesign[]>[];
  private readonly membersByLeader = new Map<string, DemandedDesign[]>();
  private readonly leaderByKey = new Map<string, string>();
  private distanceComputations = 0;

  constructor(private readonly options: ClusteringOptions) {
    const bandCount = Math.max(1, Math.min(options.attributeIds.length, (options.maxDifferingAttributes ?? 2) + 1));
    this.bands = Array.from({ length: bandCount }, (_, band) => options.attributeIds.filter((_, index) => index % bandCount === band));
    this.buckets = this.bands.map(() => new Map());
    this.bucketLimit = options.bucketLimit ?? 64;
    this.medoidSample = options.medoidSample ?? 200;
  }

  /**
   * Adds designs (most demanded first, whatever order they are given in). A design already added
   * (same key) has its demand replaced, in the cluster it is in.
   */
  add(designs: Iterable<DemandedDesign>): void {
    const sorted = [...designs].sort((a, b) => b.demand - a.demand || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const design of sorted) {
      const leaderKey = this.leaderByKey.get(design.key);
      if (leaderKey !== undefined) {
        const members = this.membersByLeader.get(leaderKey)!;
        members[members.findIndex((member) => member.key === design.key)] = design;
        continue;
      }
      const leader = this.nearestLeader(design);
      if (leader) {
        this.membersByLeader.get(leader.key)!.push(design);
        this.leaderByKey.set(design.key, leader.key);
      } else {
        this.index(design);
      }
    }
  }

  /** The clusters, largest demand first; each member in exactly one. */
  clusters(): DesignCluster[] {
    return [...this.membersByLeader.values()]
      .map((members) => {
        const byDemand = [...members].sort((a, b) => b.demand - a.demand);
        return { medoid: this.medoidOf(byDemand), members: byDemand, demand: byDemand.reduce((sum, member) => sum + member.demand, 0) };
      })
      .sort((a, b) => b.demand - a.demand);
  }

  /** How many distances the clustering has computed so far (to check that it stays sub-quadratic). */
  get comparisons(): number {
    return this.distanceComputations;
  }

  private nearestLeader(design: DemandedDesign): DemandedDesign | undefined {
    const seen = new Set<string>();
    let best: DemandedDesign | undefined;
    let bestDistance = Infinity;
    this.bands.forEach((band, index) => {
      const bucket = this.buckets[index]!.get(bandKey(band, design.choices));
      if (!bucket) return;
      for (const leader of neighbourhood(bucket, design.key, this.bucketLimit)) {
        if (seen.has(leader.key)) continue;
        seen.add(leader.key);
        const distance = this.measure(design.choices, leader.choices);
        if (distance <= this.options.threshold && (best === undefined || distance < bestDistance || (distance === bestDistance && closerTie(leader, best)))) {
          best = leader;
          bestDistance = distance;
        }
      }
    });
    return best;
  }

  private index(leader: DemandedDesign): void {
    this.membersByLeader.set(leader.key, [leader]);
    this.leaderByKey.set(leader.key, leader.key);
    this.bands.forEach((band, index) => {
      const key = bandKey(band, leader.choices);
      const bucket = this.buckets[index]!.get(key);
      if (!bucket) this.buckets[index]!.set(key, [leader]);
      else bucket.splice(insertionPoint(bucket, leader.key), 0, leader);
    });
  }

  private medoidOf(byDemand: readonly DemandedDesign[]): DemandedDesign {
    const sample = byDemand.slice(0, this.medoidSample);
    let best = sample[0]!;
    let bestCost = Infinity;
    for (const candidate of sample) {
      let cost = 0;
      for (const other of sample) if (other !== candidate) cost += other.demand * this.measure(candidate.choices, other.choices);
      if (cost < bestCost) {
        best = candidate;
        bestCost = cost;
      }
    }
    return best;
  }

  private measure(a: DesignChoices, b: DesignChoices): number {
    this.distanceComputations += 1;
    return this.options.distance(a, b);
  }
}

/** Of two leaders equally near, the more demanded wins, then the first in key order: the same answer whatever band finds them first. */
function closerTie(candidate: DemandedDesign, best: DemandedDesign): boolean {
  return candidate.demand > best.demand || (candidate.demand === best.demand && candidate.key < best.key);
}

function bandKey(band: readonly AttributeId[], choices: DesignChoices): string {
  return band.map((id) => choices[id] ?? '').join('\u0000');
}

function insertionPoint(bucket: readonly DemandedDesign[], key: string): number {
  let low = 0;
  let high = bucket.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (bucket[middle]!.key < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The whole bucket when it is small; else the `limit` leaders around `key` in full-key order. */
function neighbourhood(bucket: readonly DemandedDesign[], key: string, limit: number): readonly DemandedDesign[] {
  if (bucket.length <= limit) return bucket;
  const at = insertionPoint(bucket, key);
  const start = Math.max(0, Math.min(at - Math.floor(limit / 2), bucket.length - limit));
  return bucket.slice(start, start + limit);
}
