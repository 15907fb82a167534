import { builder } from '../builder.ts';
import { objects } from './reach.ts';
import './case.ts';
import './case-mutations.ts';
import './pool.ts';
import './campaign.ts';
import './complaint.ts';
import './signals.ts';
import './dispatch.ts';
import './certificates.ts';
import './after-revocation.ts';
import './audit.ts';

// Object rules last: they wrap the resolvers every plugin (scope-auth, federation) has produced.
export const schema = objects.apply(builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' }));
