import { describe, expect, it } from 'vitest';
import { onlyLayoutDiffers } from './layoutOnly';
import { addCluster, setPosition } from './operations';
import { templateByName } from './templates';

describe('onlyLayoutDiffers', () => {
  const design = templateByName('front-proxy')!.build();

  it('is true for a moved node and for the same design', () => {
    expect(onlyLayoutDiffers(design, setPosition(design, design.clusters[0].id, { x: 1, y: 2 }))).toBe(true);
    expect(onlyLayoutDiffers(design, design)).toBe(true);
  });

  it('is false once anything else changed, even along with the layout', () => {
    expect(onlyLayoutDiffers(design, addCluster(design, { x: 5, y: 5 }).design)).toBe(false);
    expect(onlyLayoutDiffers(design, { ...design, name: 'other' })).toBe(false);
    const { name: _dropped, ...withoutName } = design;
    expect(onlyLayoutDiffers(design, withoutName as typeof design)).toBe(false);
  });
});
