/**
 * A problem the person running CDK must fix (bad stage config, missing build output). The CDK app
 * prints its message alone, on one line, without a stack trace.
 */
export class CoopolSetupError extends Error {
  override name = 'CoopolSetupError';
}
