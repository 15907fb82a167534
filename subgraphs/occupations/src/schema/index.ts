import { builder } from '../builder.ts';
import './refs.ts';
import './occupation.ts';
import './work-type.ts';
import './levels.ts';
import './match.ts';
import './mapping.ts';

builder.mutationType({ description: 'Everything the hub can be asked to change.' });

export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });
