package org.shuangsuiji.draw.algorithm.record;

/**
 * One frozen pool of the draw, as published. The id is opaque ({@code S1}…{@code Sk}): which risk class a stratum
 * holds and its ratio are confidential, kept in the {@link StrataMap} whose hash the announcement carries.
 *
 * @param id         opaque stratum id, unique in the draw
 * @param poolCount  members of the frozen pool (before exclusions)
 * @param poolSha256 SHA-256 over {@code uscc + "\n"} per member in canonical (byte) order, lower-case hex
 * @param eligible   pool members minus this stratum's exclusions (the N of the quota rule)
 * @param quota      subjects to select: N if N &lt; minimum, else max(ceil(ratio × N), minimum)
 */
public record Stratum(String id, long poolCount, String poolSha256, long eligible, int quota) {}
