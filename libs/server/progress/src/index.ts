export * from './progress.module';
export * from './alert-evaluator.service';
export * from './occurrence-closer.service';
export * from './couple-progress.calculator';
export * from './engagement.repository';
