import { App } from 'aws-cdk-lib';
import { readStageConfig } from '../config';
import { defineCoopolStage } from '../coopol-app';
import { CoopolSetupError } from '../errors';

// `cdk synth -c stage=prod -c account=123456789012` (or COOPOL_* variables): see infra/config.ts.
try {
  const app = new App();
  defineCoopolStage(app, readStageConfig((key) => app.node.tryGetContext(key)));
  app.synth();
} catch (error) {
  if (!(error instanceof CoopolSetupError)) throw error;
  console.error(`coopol: ${error.message}`);
  process.exit(1);
}
