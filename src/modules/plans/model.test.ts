// A standing objection blocks agreement of the plan (docs/product.md#a-standing-objection).
import { describe, expect, it } from 'vitest';
import { planAgreementBlock } from './model.js';

describe('planAgreementBlock', () => {
  it('blocks while an objection stands, and only then', () => {
    expect(planAgreementBlock(0)).toBeNull();
    expect(planAgreementBlock(1)).toBe('standingObjection');
    expect(planAgreementBlock(3)).toBe('standingObjection');
  });
});
