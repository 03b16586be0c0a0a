import { fileURLToPath } from 'node:url';

/** The repository root and the shared folder beside it (CI clones the repo next to a copy of shared/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SEED = `${SHARED}seeds/000_d3619af60397248f.txt`;
export const HUAIAN_PDF = `${SHARED}fixtures/real/huaian-city-2024.pdf`;
