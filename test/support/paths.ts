// The repository's root, for tests that read its files (fixtures, media, the
// built CLI): compiled to out/test/support/, three levels below it.
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
