/** The cocreation room of the domain: see CONTEXT.md. Import from this file outside the room. */
export { wilsonLowerBound } from './wilsonLowerBound.ts';
export type { DesignChoices, DistanceOptions, MaterialDistances } from './designDistance.ts';
export { WHOLE_COLOUR_DIFFERENCE, designDistance } from './designDistance.ts';
export type { ClusteringOptions, DemandedDesign, DesignCluster } from './clusterDesigns.ts';
export { DesignClusters } from './clusterDesigns.ts';
export type { ClusterDifferences } from './clusterDifferences.ts';
export { clusterDifferences } from './clusterDifferences.ts';
export type { OptionLift, TakeRate, Trend, WeightedDesign } from './optionInsight.ts';
export { optionLift, takeRates, trend } from './optionInsight.ts';
export type { AttributeChangeRate, PartChangeRate, PartChangeRates } from './partChangeRates.ts';
export { partChangeRates } from './partChangeRates.ts';
