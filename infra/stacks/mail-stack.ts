import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

export interface MailStackProps extends StackProps {
  /** The `From` of every mail. */
  mailFrom: string;
  /** When set, SES verifies this whole domain (DKIM records to publish); else the sender address alone. */
  domainName?: string;
}

/**
 * Stateful: SES v2 sending identity and the configuration set every mail goes through. Bounces and
 * complaints (and deliveries) are published to an SNS topic, which the mail module's consumer uses
 * to suppress addresses; SES's account-level suppression list catches the rest.
 */
export class MailStack extends Stack {
  readonly mailFrom: string;
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly feedbackTopic: Topic;

  constructor(scope: Construct, id: string, props: MailStackProps) {
    super(scope, id, props);
    this.mailFrom = props.mailFrom;

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
      sendingEnabled: true,
    });

    this.identity = new EmailIdentity(this, 'Identity', {
      identity: props.domainName ? Identity.domain(props.domainName) : Identity.email(props.mailFrom),
      // The identity's default: a mail sent without naming the set still gets its bounces tracked.
      configurationSet: this.configurationSet,
    });
    // A domain's verification and DKIM keys outlive a stack replacement.
    this.identity.applyRemovalPolicy(RemovalPolicy.RETAIN);

    this.feedbackTopic = new Topic(this, 'FeedbackTopic', {
      displayName: 'Coopol — retours SES (rebonds, plaintes, livraisons)',
      enforceSSL: true,
    });

    new ConfigurationSetEventDestination(this, 'FeedbackDestination', {
      configurationSet: this.configurationSet,
      destination: EventDestination.snsTopic(this.feedbackTopic),
      // SEND settles a launch mail whose sender died mid-send (ADR 0009).
      events: [EmailSendingEvent.SEND, EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.DELIVERY],
    });

    if (props.domainName) {
      // The three DKIM CNAME records to publish in the domain's DNS.
      this.identity.dkimRecords.forEach((record, i) => {
        new CfnOutput(this, `DkimRecord${i + 1}`, { value: `${record.name} CNAME ${record.value}` });
      });
    }
  }
}
