export * from './measures.module';
export * from './measures.dto';
export { LICENCE_NOT_ATTESTED } from './definitions/measure-definitions.service';
export { OWN_GRAPH_OFF } from './summary/couple-measures.service';
export {
  latestMeasureClassifications,
  type PartnerClassification,
} from './summary/measure-summaries';
