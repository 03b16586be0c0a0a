/** What the global setup hands to the test workers (vitest `provide` / `inject`). */
export interface PostgresForTests {
  /** A server to use as is (TEST_DATABASE_URL), or null to start one lazily in `clusterDir`. */
  readonly url: string | null;
  /** The throwaway cluster of this test run, stopped and removed when the run ends. */
  readonly clusterDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresForTests;
  }
}
