import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from '../../../src/errors/redact.js';

describe('redact', () => {
  it('uses "[REDACTED]" as the replacement', () => {
    expect(REDACTED).toBe('[REDACTED]');
  });

  it('replaces a secret with [REDACTED]', () => {
    expect(redact('bad password hunter2!', ['hunter2!'])).toBe('bad password [REDACTED]');
  });

  it('replaces every occurrence, not only the first', () => {
    expect(redact('abcd-abcd-abcd', ['abcd'])).toBe('[REDACTED]-[REDACTED]-[REDACTED]');
  });

  it('replaces each of several secrets', () => {
    const out = redact('user pw=Pa55word! session=AYABsession token=eyJhbGc', [
      'Pa55word!',
      'AYABsession',
      'eyJhbGc',
    ]);
    expect(out).toBe('user pw=[REDACTED] session=[REDACTED] token=[REDACTED]');
  });

  it('treats secrets literally, not as regular expressions', () => {
    const secret = 'a.b*c+(d)?[e]$^|\\';
    expect(redact(`x ${secret} y aXbbbc`, [secret])).toBe('x [REDACTED] y aXbbbc');
  });

  it('handles unicode secrets', () => {
    expect(redact('mot de passe: pässwörd-🔑', ['pässwörd-🔑'])).toBe('mot de passe: [REDACTED]');
  });

  it('skips undefined secrets', () => {
    expect(redact('keep hunter22', [undefined, 'hunter22', undefined])).toBe('keep [REDACTED]');
  });

  it('ignores empty secrets (which would otherwise shred every character)', () => {
    expect(redact('nothing to hide', [''])).toBe('nothing to hide');
  });

  it('ignores secrets shorter than 4 characters', () => {
    expect(redact('a cat sat on the mat', ['a', 'at', 'cat'])).toBe('a cat sat on the mat');
  });

  it('redacts a secret of exactly 4 characters', () => {
    expect(redact('pin 1234 ok', ['1234'])).toBe('pin [REDACTED] ok');
  });

  it('returns the text unchanged when no secret occurs in it', () => {
    expect(redact('Incorrect username or password.', ['hunter2!'])).toBe('Incorrect username or password.');
  });

  it('returns the text unchanged when there are no secrets', () => {
    expect(redact('text', [])).toBe('text');
  });

  it('leaves no fragment of a longer secret when a shorter secret is listed first and occurs inside it', () => {
    const password = 'Tr0ub4dor';
    const session = 'AYABeTr0ub4dor-rest-of-the-session-string';
    const out = redact(`session ${session} rejected`, [password, session]);
    expect(out).not.toContain('rest-of-the-session-string');
    expect(out).toBe(`session ${REDACTED} rejected`);
  });

  it('does not mutate the secrets list', () => {
    const secrets = ['bbbbbbbb', 'aaaa'];
    redact('aaaa bbbbbbbb', secrets);
    expect(secrets).toEqual(['bbbbbbbb', 'aaaa']);
  });
});
