import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

export interface EdgeStackProps extends StackProps {
  /** Requests per five minutes from one address before it is blocked (the stage's `wafRatePerIp`). */
  ratePerIp: number;
  metricPrefix: string;
}

/** An AWS managed rule group, counted in CloudWatch under its own name. */
function managedRule(name: string, priority: number, metricPrefix: string): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
    overrideAction: { none: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: `${metricPrefix}-${name}`, sampledRequestsEnabled: true },
  };
}

/**
 * us-east-1, as CloudFront requires of its web ACLs: AWS WAF in front of the site. AWS's managed
 * rule groups (common exploits, known bad inputs, addresses with a bad reputation) and two
 * rate-based rules per address: every request, and a fifth of it for the sign-in and sign-up paths.
 * Switched per stage (`waf` in infra/config.ts; on in prod).
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const visibility = (name: string) => ({ cloudWatchMetricsEnabled: true, metricName: `${props.metricPrefix}-${name}`, sampledRequestsEnabled: true });

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Coopol: managed rules and per-address rates in front of the site',
      visibilityConfig: visibility('web-acl'),
      rules: [
        managedRule('AWSManagedRulesAmazonIpReputationList', 0, props.metricPrefix),
        managedRule('AWSManagedRulesCommonRuleSet', 1, props.metricPrefix),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet', 2, props.metricPrefix),
        {
          name: 'RatePerAddressOnAuth',
          priority: 3,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: Math.max(10, Math.floor(props.ratePerIp / 5)),
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: '/api/auth/',
                  textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
                },
              },
            },
          },
          visibilityConfig: visibility('rate-auth'),
        },
        {
          name: 'RatePerAddress',
          priority: 4,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.ratePerIp, evaluationWindowSec: 300, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('rate'),
        },
      ],
    });
  }
}
