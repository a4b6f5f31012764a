/**
 * The business-unit tree and the name search: a chunk of its own so that the entry stays within its
 * size budget. `<service-control-center>` loads it together with the session and the first tenant
 * page (in parallel, so the first row waits for no extra round trip); the admin screens (the move
 * dialog's search) and `<scc-hierarchy>` import it. Importing this module registers the elements
 * (guarded); `loadTree()` from the entry does so too.
 */
import { SccBusinessUnitSearch } from '../components/business-unit-search/business-unit-search.js';
import { SccBusinessUnitTree } from '../components/business-unit-tree/business-unit-tree.js';
import { register } from '../register.js';

export { SccBusinessUnitSearch, SccBusinessUnitTree };

export const treeElements = {
  'scc-business-unit-tree': SccBusinessUnitTree,
  'scc-business-unit-search': SccBusinessUnitSearch,
} as const;

register(treeElements);
