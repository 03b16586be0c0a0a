import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: 'development',
      databaseUrl: 'sqlite:./data/gongkai.db',
      host: '127.0.0.1',
      port: 3000,
      publicUrl: null,
      trustProxy: false,
      sessionSecret: null,
      maxUploadBytes: 20 * 1024 * 1024,
      timeZone: 'Asia/Shanghai',
    });
  });

  it('returns a frozen object', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('reads and converts the given values; an empty string counts as unset', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/gongkai',
      PORT: '8080',
      TRUST_PROXY: 'true',
      MAX_UPLOAD_MB: '5',
      HOST: '',
    });
    expect(config).toMatchObject({ databaseUrl: 'postgres://u:p@db:5432/gongkai', port: 8080, trustProxy: true, host: '127.0.0.1' });
    expect(config.maxUploadBytes).toBe(5 * 1024 * 1024);
  });

  it('lists every problem at once, in Chinese, naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'yes', TIME_ZONE: 'Mars/Base' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    for (const name of ['PORT', 'DATABASE_URL', 'TRUST_PROXY', 'TIME_ZONE']) {
      expect(problems.some((p) => p.includes(name))).toBe(true);
    }
    expect((error as ConfigError).message).toMatch(/^配置有误/);
  });

  it('requires a session secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).sessionSecret).toBe('x'.repeat(32));
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ SOMETHING_ELSE: '1' })).not.toThrow();
  });
});

describe('docs/configuration.md', () => {
  const doc = readFileSync(resolve(import.meta.dirname, '../../docs/configuration.md'), 'utf8');

  it('documents every variable, and only those', () => {
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual([...CONFIG_VARIABLES]);
  });
});
