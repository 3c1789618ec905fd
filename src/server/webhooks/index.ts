// Webhooks: order events sent to the shop's systems, signed, retried, in order, never lost. See CONTEXT.md.
export { newWebhookSecret, signWebhook, WEBHOOK_SECRET_PREFIX, type WebhookSignatureHeaders, type WebhookToSign } from './signWebhook.ts';
export { webhookPayload, type OrderPlacedPayload, type WebhookPayload, type WebhookPayloadOutcome } from './webhookPayload.ts';
export { startWebhookWorker, wakeWebhookWorkers, type WebhookRepository, type WebhookWorker, type WebhookWorkerOptions } from './webhookWorker.ts';
export { DEFAULT_WEBHOOK_WORKER_SETTINGS, webhookWorkerSettingsFromEnv, type WebhookWorkerSettings } from './webhookWorkerOptions.ts';
