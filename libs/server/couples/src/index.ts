export * from './couples.module';
export * from './couples/couple.dto';
export * from './promises/promise.dto';
export * from './safety/safety-check.dto';
export {
  POLICY_NOT_ACKNOWLEDGED,
  policyVersion,
  requirePolicyAcknowledged,
} from './policy/require-policy-acknowledged';
export { openSafetyCheck, safetyDedupeKey } from './safety/safety-checks.service';
