import { builder } from '../builder.ts';
import './catalog.ts';
import './enterprise.ts';
import './enterprise-mutations.ts';
import './filing.ts';
import './filing-mutations.ts';
import './partner-credentials.ts';
import './specification.ts';

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
