import { builder } from '../builder.ts';
import { objects } from './reach.ts';
import './catalog.ts';
import './enterprise.ts';
import './enterprise-mutations.ts';
import './filing.ts';
import './filing-mutations.ts';
import './lifecycle.ts';
import './partner-credentials.ts';
import './specification.ts';

// Object rules last: they wrap the resolvers every plugin (scope-auth, federation) has produced.
export const schema = objects.apply(builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' }));
