/** "1,2,3" or "6-15" (or a mix: "1-3,7") → seeds; undefined → the published ones. */
export function parseSeeds(text: string | undefined, fallback: number[]): number[] {
  if (text === undefined) return fallback;
  const seeds = text.split(',').flatMap((part) => {
    const [from = NaN, to = from] = part.split('-').map((value) => Number(value.trim()));
    if (!Number.isInteger(from) || !Number.isInteger(to) || to < from)
      throw new Error(`Bad seed list "${text}": use 1,2,3 or 6-15`);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
  if (seeds.length === 0) throw new Error('Empty seed list');
  return seeds;
}
