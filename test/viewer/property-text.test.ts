import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { propertyTextOf } from '../../src/viewer/property-text.js';
import { loadTraceView } from '../../src/viewer/index.js';
import { htmlOfView } from '../../src/viewer/index.js';

const ROUTER_FAULT = fileURLToPath(new URL('../../traces/router-fault/NoSplitBrain.itf.json', import.meta.url));

describe('propertyTextOf', () => {
  const tla = ['\\* first line', '\\* second line', 'P ==', '  /\\ x', '  /\\ y', '', 'Q == z', ''].join('\n');

  it('takes the comment above a definition and the definition up to the blank line', () => {
    expect(propertyTextOf(tla, 'P')).toEqual({ description: 'first line second line', formula: 'P ==\n  /\\ x\n  /\\ y' });
  });

  it('gives an empty description when no comment precedes, and nothing for an unknown name', () => {
    expect(propertyTextOf(tla, 'Q')).toEqual({ description: '', formula: 'Q == z' });
    expect(propertyTextOf(tla, 'PQ')).toBeUndefined();
  });
});

describe('the router-fault page states its property', () => {
  it('shows the description and the TLA+ formula of NoSplitBrain, escaped', async () => {
    const view = await loadTraceView(ROUTER_FAULT);
    if (!view.ok) throw new Error(view.error.message);
    const html = htmlOfView(view.value);
    // Both texts as written in specs/MNHA.tla (and models/mnha/properties.ts).
    expect(html).toContain('never two active nodes');
    expect(html).toContain('NoSplitBrain == Cardinality({n \\in Nodes : srg1[n] = &quot;active&quot;}) &lt;= 1');
    expect(readFileSync(fileURLToPath(new URL('../../specs/MNHA.tla', import.meta.url)), 'utf8')).toContain('\\* never two active nodes\nNoSplitBrain ==');
  });

  it('shows no property section when the spec does not define the property', async () => {
    const view = await loadTraceView(ROUTER_FAULT, { specPath: '/nonexistent/spec.tla' });
    if (!view.ok) throw new Error(view.error.message);
    expect(htmlOfView(view.value)).not.toContain('class="property"');
  });
});
