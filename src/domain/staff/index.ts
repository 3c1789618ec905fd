/**
 * Staff: the shop's roles and pages, the staff API's requests, the password policy and the webhook
 * events with their retry schedule. Plain TypeScript; see CONTEXT.md.
 */
export type { StaffPage, StaffRole, TokenRole } from './roles.ts';
export { ROLE_DESCRIPTIONS, STAFF_PAGES, STAFF_ROLES, TOKEN_ROLES, isStaffRole, isTokenRole, normaliseRoles, pagesFor } from './roles.ts';
export type { PasswordCheck } from './passwordPolicy.ts';
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, checkNewPassword } from './passwordPolicy.ts';
export type { WebhookEvent } from './webhookEvents.ts';
export { MAX_DELIVERY_ATTEMPTS, WEBHOOK_EVENTS, isWebhookEvent, retryDelaySeconds } from './webhookEvents.ts';
export type { AccountChangeRequest, LoginRequest, NewAccountRequest, NewTokenRequest, NewWebhookRequest } from './staffRequests.ts';
export { MAX_TOKEN_DAYS, accountChangeRequestSchema, checkWebhookUrl, loginRequestSchema, newAccountRequestSchema, newTokenRequestSchema, newWebhookRequestSchema } from './staffRequests.ts';
export type { PublicationNote, PublishRulesRequest } from './rulesPublicationRequests.ts';
export { MAX_GRACE_HOURS, MAX_PUBLICATION_MESSAGE_LENGTH, MAX_RULES_SOURCE_LENGTH, MAX_RULES_TABLES, MAX_RULES_TABLES_LENGTH, PUBLICATION_MESSAGE_HINT, publicationNoteSchema, publishRulesRequestSchema, tablesField } from './rulesPublicationRequests.ts';
export type { PublishStudioDraftRequest, SaveStudioDraftRequest } from './studioDraftRequests.ts';
export { publishStudioDraftSchema, saveStudioDraftSchema } from './studioDraftRequests.ts';
export type { ApiToken, ApiTokenStatus, AuditActor, AuditEntry, StaffAccount, WebhookDelivery, WebhookEndpointListing } from './staffRecords.ts';
export { apiTokenStatus } from './staffRecords.ts';
export type { InsightCluster, InsightDemand, InsightDesign, InsightGallery, InsightOptions, InsightTrend } from './insightAnswers.ts';
