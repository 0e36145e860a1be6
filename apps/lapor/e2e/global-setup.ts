// Once per test run: the field app's production build and the seeded database each test file copies.
import { browserTestSetup } from '@binaan/api/testing';
import { buildFieldApp } from './support';

export default browserTestSetup(() => buildFieldApp());
