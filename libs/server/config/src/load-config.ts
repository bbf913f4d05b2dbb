import { PUBLISHED_SECRETS, configSchema, type AppConfig } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment. Throws a ConfigError naming every bad variable, so a
 * misconfigured process stops at boot instead of failing later in a request.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = configSchema.safeParse(env);
  if (result.success) {
    const config = result.data;
    if (config.NODE_ENV === 'production') {
      const unsafe = Object.entries(PUBLISHED_SECRETS)
        .filter(([key, values]) => values.includes(String(config[key as keyof AppConfig])))
        .map(
          ([key]) =>
            `${key}: must be set to a secret of your own in production (this value is published in the repository)`,
        );
      if (unsafe.length > 0) throw new ConfigError(unsafe);
    }
    return config;
  }
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  );
}
