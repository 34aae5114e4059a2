package org.shuangsuiji.draw.algorithm.record;

/** Kinds of announced future randomness. Only witness values carry a commitment. */
public enum EntropyKind {
    /** A value a witness committed to as SHA-256(value + "\n" + salt) and reveals with its salt. */
    WITNESS_COMMITMENT,
    /** A named public lottery draw (福彩/体彩 issue and date): the winning numbers. */
    LOTTERY_DRAW,
    /** A stock index close on a named date. */
    INDEX_CLOSE,
    /** Any other public value named precisely in the description. */
    OTHER
}
