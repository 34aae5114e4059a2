package org.shuangsuiji.draw.algorithm.record;

/**
 * A future random value named in the announcement.
 *
 * @param name        unique label, {@code [a-z0-9][a-z0-9-]{0,63}}, e.g. {@code fc-ssq-2026135}
 * @param kind        what it is
 * @param description exactly which value, e.g. 中国福利彩票双色球第2026135期开奖号码（2026-11-24），红球升序，空格分隔，蓝球最后
 * @param commitment  for {@link EntropyKind#WITNESS_COMMITMENT}: 64 lower-case hex of SHA-256(value + "\n" + salt);
 *                    null for every other kind
 */
public record EntropySource(String name, EntropyKind kind, String description, String commitment) {}
