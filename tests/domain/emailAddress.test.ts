// The one email rule, shared by the configurator's checkout form and the server: ordinary addresses
// pass, addresses that are markup, IP literals, broken host names or broken text do not.
import { describe, expect, it } from 'vitest';
import { checkEmailAddress } from '../../src/domain/index.ts';

describe('checkEmailAddress', () => {
  it.each([
    'ada@example.com',
    'ada.lovelace@example.com',
    'ada+shoes@example.com',
    'ada+shoes+2026@mail.example.co.uk',
    'o\'brien@example.ie',
    'first_last-1@sub.domain.example.org',
    'ADA@EXAMPLE.COM',
    'x@a.io',
    'user@xn--bcher-kva.de',
    'user@example.xn--p1ai',
    'user@bücher.de',
    '1234567890@example.com',
    `${'a'.repeat(64)}@example.com`,
    `a@${'b'.repeat(63)}.com`,
  ])('accepts %s', (address) => {
    expect(checkEmailAddress(address)).toEqual({ ok: true });
  });

  it.each([
    ['markup in the local part', '<script>@x.com', /only letters, digits/],
    ['markup in the domain', 'a@x.com<script>', /may hold only letters/],
    ['an IPv4 literal', 'a@[127.0.0.1]', /not an IP address/],
    ['an IPv6 literal', 'a@[IPv6:::1]', /not an IP address/],
    ['a bare IP address', 'a@127.0.0.1', /not an IP address/],
    ['a domain label starting with a hyphen', 'a@-b.com', /may not start or end with a hyphen/],
    ['a domain label ending with a hyphen', 'a@b-.com', /may not start or end with a hyphen/],
    ['no dot in the domain', 'a@localhost', /has no dot/],
    ['two dots in a row in the domain', 'a@b..com', /empty part/],
    ['a trailing dot', 'a@b.com.', /empty part/],
    ['a numeric top-level domain', 'a@b.123', /top-level domain/],
    ['a leading dot in the local part', '.a@b.com', /not two in a row/],
    ['two dots in a row in the local part', 'a..b@b.com', /not two in a row/],
    ['a quoted local part', '"a b"@example.com', /only letters, digits|space/],
    ['two @', 'a@b@example.com', /more than one "@"/],
    ['no @', 'ada.example.com', /no "@"/],
    ['nothing before @', '@example.com', /nothing before/],
    ['nothing after @', 'ada@', /nothing after/],
    ['a space', 'ada lovelace@example.com', /space/],
    ['a NUL character', 'ada\u0000@example.com', /control character/],
    ['a line break (header injection)', 'ada@example.com\r\nBcc: eve@example.com', /control character/],
    ['a bell', 'ada\u0007@example.com', /control character/],
    ['a C1 control', 'ada\u0085@example.com', /control character/],
    ['a lone high surrogate', 'ada\ud800@example.com', /broken text/],
    ['a lone low surrogate', 'ada@exam\udc00ple.com', /broken text/],
    ['a local part of 65 characters', `${'a'.repeat(65)}@example.com`, /more than 64/],
    ['a domain label of 64 characters', `a@${'b'.repeat(64)}.com`, /more than 63/],
    ['more than 254 characters', `a@${'b.'.repeat(130)}com`, /more than the 254/],
    ['the empty text', '', /empty/],
    ['an underscore in the domain', 'a@my_host.com', /may hold only letters/],
    ['a non-Latin local part', 'jörg@example.de', /only letters, digits/],
  ])('refuses %s', (_case, address, reason) => {
    const check = checkEmailAddress(address);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toMatch(reason);
  });
});
