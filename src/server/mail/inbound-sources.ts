/** The inbound-webhook formats (each a source with its own secret in INBOUND_SECRETS). No dependencies: config.ts reads it. */
export const INBOUND_FORMATS = ['json', 'mailgun', 'postmark', 'sendgrid'] as const;
export type InboundFormat = (typeof INBOUND_FORMATS)[number];
