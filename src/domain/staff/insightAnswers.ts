/**
 * The answers of the designers' insight routes (`GET /api/staff/insight/:productId/…`), written
 * once: the server builds them, the designer's page reads them.
 */

/** A gallery candidate of a design and its votes (`score`: the Wilson lower bound). */
export interface InsightGallery {
  readonly candidateId: string;
  readonly upVotes: number;
  readonly downVotes: number;
  readonly score: number;
}

/** Units in the last 7 days and the 28 before, and the change in units a day (0.5 = +50 %). */
export interface InsightTrend {
  readonly recentUnits: number;
  readonly baselineUnits: number;
  readonly change: number;
}

/** A design's demand in a period, summed from the daily rollup of design signals. */
export interface InsightDemand {
  readonly designKey: string;
  readonly choices: Readonly<Record<string, string>>;
  readonly reviewed: number;
  readonly shared: number;
  readonly submitted: number;
  readonly voted: number;
  readonly orders: number;
  readonly units: number;
  readonly remixes: number;
}

/** One of the most wanted designs (`…/popular`). */
export interface InsightDesign extends InsightDemand {
  /** Whether today's rules allow it as it is. */
  readonly allowedNow: boolean;
  /** Distinct anonymous visits behind its signals in the period. */
  readonly sessions: number;
  readonly trend: InsightTrend;
  /** Its gallery candidate, when a customer submitted it. */
  readonly gallery: InsightGallery | null;
}

/** A group of near-identical designs (`…/clusters`). */
export interface InsightCluster {
  readonly medoid: { readonly designKey: string; readonly choices: Readonly<Record<string, string>> };
  readonly size: number;
  readonly units: number;
  readonly demand: number;
  readonly differences: { readonly attributeIds: readonly string[]; readonly sentence: string };
  readonly members: readonly InsightDemand[];
}

/**
 * How often customers change each part from the design they start from (`…/options`, from the
 * domain's `partChangeRates`): by units ordered, or by signals when nothing was ordered in the period.
 */
export interface InsightPartChanges {
  /** What the rates are shares of: units ordered, or (no units in the period) design signals. */
  readonly basis: 'units' | 'signals';
  /** The units (or signals) counted: every rate's denominator. */
  readonly total: number;
  /** The design every customer starts from (the product's defaults). */
  readonly starting: Readonly<Record<string, string>>;
  readonly parts: readonly {
    readonly partId: string;
    readonly kind: 'part' | 'section';
    readonly rate: number;
    readonly weight: number;
    readonly attributes: readonly { readonly attributeId: string; readonly rate: number; readonly weight: number }[];
  }[];
}

/** Take rates, the strongest lifts, the funnel and the parts changed most (`…/options`). */
export interface InsightOptions {
  readonly takeRates: readonly { readonly attributeId: string; readonly optionId: string; readonly rate: number; readonly weight: number }[];
  readonly lifts: readonly { readonly a: { readonly attributeId: string; readonly optionId: string }; readonly b: { readonly attributeId: string; readonly optionId: string }; readonly lift: number; readonly together: number }[];
  readonly funnel: { readonly reviewed: number; readonly shared: number; readonly submitted: number; readonly ordered: number };
  readonly partChanges: InsightPartChanges;
}
