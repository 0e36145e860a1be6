// Once per test run, before the test files start side by side: the production bundle (built only when
// its sources changed) and the seeded database every browser test file copies.
import { browserTestSetup } from '@binaan/api/testing';
import { buildOnce } from './support';

export default browserTestSetup(buildOnce);
