import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks, type NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * The rule packs every stage is checked against at synth (CDK's Validations API): AWS Solutions and
 * Serverless. A finding fails `cdk synth` unless acknowledged, with its reason, on its construct or
 * one of its parents (`acknowledge` below); tests/infra/nag.test.ts fails on any finding left.
 */
export function nagPacks(): NagPack[] {
  return [new AwsSolutionsChecks(), new ServerlessChecks()];
}

export function checkWithNag(app: IConstruct): void {
  Validations.of(app).addPlugins(...nagPacks());
}

/**
 * Says why a rule does not apply to this construct (and those below it). `rule` is the pack's rule
 * id, with the finding in brackets where a rule reports several (`AwsSolutions-IAM5[Resource::*]`).
 */
export function acknowledge(scope: IConstruct, rule: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: rule, reason });
}
