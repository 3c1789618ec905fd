// Standard Webhooks signing, checked against the specification's published example and the
// independent standardwebhooks package; and the worker's settings from the environment.
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhook, webhookWorkerSettingsFromEnv } from '../../src/server/webhooks/index.ts';

describe('signWebhook', () => {
  it("gives the signature of the Standard Webhooks specification's example", () => {
    const headers = signWebhook({
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: new Date(1614265330 * 1000),
      body: '{"test": 2432232314}',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    });
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('signs as the standardwebhooks package does, in whole seconds, over the exact body', () => {
    const secret = newWebhookSecret();
    const at = new Date('2026-11-25T12:00:00.750Z');
    const body = '{"type":"order.placed","data":{"name":"Zoë"}}';
    const headers = signWebhook({ id: 'evt_1', timestamp: at, body, secret });
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(at.getTime() / 1000)));
    expect(headers['webhook-signature']).toBe(new Webhook(secret).sign('evt_1', new Date(Math.floor(at.getTime() / 1000) * 1000), body));
    expect(signWebhook({ id: 'evt_1', timestamp: at, body: body.replace('Zoë', 'Zoe'), secret })['webhook-signature']).not.toBe(headers['webhook-signature']);
  });

  it('refuses a secret not in the whsec_ form, without quoting it', () => {
    for (const secret of ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'whsec_', 'whsec_not base64!', 'whsec_abc']) {
      let message = '';
      try {
        signWebhook({ id: 'evt_1', timestamp: new Date(), body: '{}', secret });
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
        message = (error as Error).message;
      }
      expect(message).toMatch(/A webhook secret is "whsec_" followed by base64/);
      const key = secret.replace(/^whsec_/, '');
      if (key !== '') expect(message).not.toContain(key);
    }
  });
});

describe('newWebhookSecret', () => {
  it('is whsec_ and the base64 of 32 random bytes, a new one each time', () => {
    const secrets = Array.from({ length: 20 }, () => newWebhookSecret());
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    }
    expect(new Set(secrets).size).toBe(20);
  });
});

describe('webhookWorkerSettingsFromEnv', () => {
  it('reads the poll and the lease, and names a variable that is wrong', () => {
    expect(webhookWorkerSettingsFromEnv({})).toEqual({ ok: true, settings: {} });
    expect(webhookWorkerSettingsFromEnv({ ATELIER_WEBHOOK_POLL_MS: ' 250 ', ATELIER_WEBHOOK_LEASE_SECONDS: '15' })).toEqual({ ok: true, settings: { pollMilliseconds: 250, leaseSeconds: 15 } });
    expect(webhookWorkerSettingsFromEnv({ ATELIER_WEBHOOK_POLL_MS: '1.5' })).toEqual({ ok: false, message: 'ATELIER_WEBHOOK_POLL_MS must be a whole number of at least 1, not "1.5" (default 1000).' });
    expect(webhookWorkerSettingsFromEnv({ ATELIER_WEBHOOK_POLL_MS: '0' })).toMatchObject({ ok: false });
    const short = webhookWorkerSettingsFromEnv({ ATELIER_WEBHOOK_LEASE_SECONDS: '14' });
    expect(short).toMatchObject({ ok: false, message: expect.stringMatching(/^ATELIER_WEBHOOK_LEASE_SECONDS must be at least 15 s .* it is 14 s\.$/) as unknown });
  });
});
