/**
 * Every property the model checks has a sentence for the network engineer:
 * a property added to the model without one would be reported bare.
 */
import { describe, expect, it } from 'vitest';

import { PROPERTY_ADVICE } from '../../src/config/advice.js';
import { DEFAULT_PARAMS } from '../../models/mnha/params.js';
import { mnhaProperties } from '../../models/mnha/properties.js';
import { mnhaSystem } from '../../models/mnha/system.js';

describe('configuration advice', () => {
  it('explains every property of the model and the deadlock check, and nothing else', () => {
    const names = [...mnhaProperties(mnhaSystem(DEFAULT_PARAMS)).map((p) => p.name), 'Deadlock'].sort();
    expect(Object.keys(PROPERTY_ADVICE).sort()).toEqual(names);
    for (const a of Object.values(PROPERTY_ADVICE)) expect(a.meaning.length).toBeGreaterThan(20);
  });
});
